// metadata.h — what a document says about itself: its title, country and reporting period,
// found where reports state them (the first pages). Fields already set are left alone, so a
// caller's override (CLI, pipeline) set before wins; overrides set after simply replace.
//
// A front-matter block opening page 1 ("---", "title: ...", "---") is metadata, not content:
// its blocks are taken out of the page, so no extractor finds a date or a name in it, its
// title becomes the document's when none was given, and its "date:" (YYYY-MM-DD) the
// document's date, which the engine passes on as the context date when the user gives none.
//
// The cues are language data in the loader's data folder (countries.tsv, months.tsv,
// periods.tsv, ordinals.tsv, title_cues.tsv, year_cues.tsv "ejercicio 2023", range_words.tsv
// "enero a junio"), matched case- and accent-insensitively:
//   title   the first line of page 1 naming the kind of report ("Informe bimestral ..."),
//           else its first heading or paragraph; a heading continues over the headings of
//           the same level right below it (covers break titles over lines);
//   country the country whose cues ("Alcaldía Mayor de Bogotá", "Ciudad de México") occur
//           most on the first two pages;
//   period  "enero-febrero 2024" (2024-01..2024-02), "Informe semestral 2020-2" and
//           "segundo semestre de 2020" (2020-07..2020-12); failing those, the first date
//           ("11 de junio de 2021": 2021-06..2021-06), else "ejercicio 2023" (2023..2023).
#ifndef ACERVO_CORE_LOAD_METADATA_H_
#define ACERVO_CORE_LOAD_METADATA_H_

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "acervo/document.h"
#include "acervo/status.h"

namespace re2 {
class RE2;
}

namespace acervo {

class MetadataCues {
 public:
  // Reads the TSV files of `dir`; errors name the file and line.
  static Result<std::shared_ptr<const MetadataCues>> Load(const std::filesystem::path& dir);
  ~MetadataCues();

  // The cues of the first data folder found: $ACERVO_LOADER_DATA, <exe dir>/data/loader
  // (build tree), <exe dir>/../share/acervo/data/loader (install). nullptr when none is
  // found. Loaded once per process.
  static const MetadataCues* Default();

  std::string DetectCountry(const std::string& folded) const;
  Period DetectPeriod(const std::string& folded) const;
  bool IsTitleLine(const std::string& folded) const;

 private:
  MetadataCues() = default;
  std::vector<std::pair<std::string, std::string>> countries_;  // folded cue, ISO code
  std::map<std::string, int> months_, period_months_, ordinals_;
  std::vector<std::string> title_words_;
  std::unique_ptr<re2::RE2> month_range_, ordinal_period_, numbered_period_, month_year_, year_;
};

// `cues` nullptr: only the title is detected, and a document warning says why.
void DetectMetadata(Document* document, const MetadataCues* cues = MetadataCues::Default());

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_METADATA_H_
