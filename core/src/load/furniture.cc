#include "load/furniture.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <mutex>
#include <string>

#include "acervo/text.h"
#include "load/loader_data.h"
#include "load/pattern_rows.h"

namespace acervo {
namespace {

constexpr int kEdgeLines = 3;    // how many lines from the top or bottom may be margin furniture
constexpr double kMargin = 0.1;  // the top and bottom tenth of the page
// Lines "at the same place" on two pages: their tops within this share of the page height.
constexpr double kSamePlace = 0.03;
// Keys this similar (1 - edit distance / longer length) are the same line read twice by OCR.
constexpr double kSameText = 0.8;
// Keys are compared on their first bytes only: a running title is short.
constexpr size_t kKeyBytes = 160;

// The line's letters, case and accents folded, with each run of digits made '#': spaces
// and punctuation are left out, which OCR often gets wrong ("·" read as "-").
std::string Key(const std::string& text) {
  std::string folded = Fold(text);
  std::string key;
  size_t pos = 0;
  while (pos < folded.size() && key.size() < kKeyBytes) {
    size_t start = pos;
    char32_t cp = NextCodePoint(folded, &pos);
    if (cp >= '0' && cp <= '9') {
      if (key.empty() || key.back() != '#') key.push_back('#');
    } else if (IsWordCodePoint(cp)) {
      key.append(folded, start, pos - start);
    }
  }
  return key;
}

// Whether two keys are the same line, allowing OCR's slips (a letter misread in ten).
bool SameText(const std::string& a, const std::string& b) {
  if (a == b) return !a.empty();
  size_t longer = std::max(a.size(), b.size());
  size_t shorter = std::min(a.size(), b.size());
  if (shorter == 0 || shorter < kSameText * longer) return false;
  std::vector<size_t> row(b.size() + 1), next(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    next[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      next[j] = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] != b[j - 1])});
    }
    std::swap(row, next);
  }
  return row[b.size()] <= (1 - kSameText) * longer;
}

bool InMargin(const PageLines& page, size_t i) {
  const LaidLine& line = page.lines[i];
  bool edge = i < kEdgeLines || i + kEdgeLines >= page.lines.size();
  if (!edge || page.height <= 0) return false;
  return line.box.y1 < kMargin * page.height || line.box.y0 > (1 - kMargin) * page.height;
}

// A row of a table of two rows or more (a header repeated on each page, the rows a table
// continues with at the top of a page) is the table's, not furniture.
bool InTable(const PageLines& page, size_t i) {
  const LaidLine& line = page.lines[i];
  if (!line.table_row) return false;
  auto cells = [](const LaidLine& l) { return std::count(l.text.begin(), l.text.end(), '\t'); };
  auto same = [&](size_t j) {
    return j < page.lines.size() && page.lines[j].table_row && cells(page.lines[j]) == cells(line);
  };
  return same(i + 1) || (i > 0 && same(i - 1));
}

// What is known of every line while furniture is decided.
class Finder {
 public:
  Finder(const std::vector<PageLines>& pages, const FurnitureForms* forms)
      : pages_(pages), forms_(forms), keys_(pages.size()) {
    for (size_t p = 0; p < pages.size(); ++p) {
      for (const LaidLine& line : pages[p].lines) keys_[p].push_back(Key(line.text));
    }
    needed_ = std::max<int>(2, static_cast<int>((pages.size() + 2) / 3));
  }

  // The line, or one of its cells with words in it, has the form of furniture ("R.A.F.A.M.
  // ⇥ Hoja: 1 de 3"; a cell of a bare number is a figure).
  bool HasForm(size_t p, size_t i) const {
    if (forms_ == nullptr) return false;
    const std::string& text = pages_[p].lines[i].text;
    if (forms_->Matches(text)) return true;
    if (text.find('\t') == std::string::npos) return false;
    size_t start = 0;
    while (start <= text.size()) {
      size_t tab = std::min(text.find('\t', start), text.size());
      std::string cell = text.substr(start, tab - start);
      bool words = std::any_of(cell.begin(), cell.end(), [](char c) { return std::isalpha(c); });
      if (words && forms_->Matches(cell)) return true;
      start = tab + 1;
    }
    return false;
  }

  // A row of a table that is not a furniture row (InTable, and no cell of furniture form).
  bool TableRow(size_t p, size_t i) const { return InTable(pages_[p], i) && !HasForm(p, i); }

  // Whether line i of page p recurs on enough pages (a third, two at least): anywhere in
  // their margins (`same_place` false) or at the same height.
  bool Repeats(size_t p, size_t i, bool same_place) const {
    const LaidLine& line = pages_[p].lines[i];
    // Below the margin a line needs words to recur: rows of figures look alike on every page.
    if (same_place && std::count_if(keys_[p][i].begin(), keys_[p][i].end(),
                                    [](char c) { return c != '#'; }) < 3) {
      return false;
    }
    int pages = 1;
    for (size_t q = 0; q < pages_.size() && pages < needed_; ++q) {
      if (q == p) continue;
      const PageLines& other = pages_[q];
      for (size_t j = 0; j < other.lines.size(); ++j) {
        if (same_place ? std::abs(other.lines[j].box.y0 - line.box.y0) >
                             kSamePlace * std::max(pages_[p].height, other.height)
                       : !InMargin(other, j)) {
          continue;
        }
        if (SameText(keys_[p][i], keys_[q][j])) {
          ++pages;
          break;
        }
      }
    }
    return pages >= needed_;
  }

 private:
  const std::vector<PageLines>& pages_;
  const FurnitureForms* forms_;
  std::vector<std::vector<std::string>> keys_;
  int needed_ = 2;
};

// Marks the block of lines in the top (`from_top`) or bottom margin of page p, from the page's
// edge inwards, that have the form of furniture or recur at the same height on other pages,
// however many lines it takes and however they are laid out: a letterhead read as a row of
// cells, a sheet counter, an address footer of two lines. (A letterhead below the margin is
// text: report writers repeat their title on each page, and the seeds' text does too.)
void MarkEdgeBlock(const Finder& finder, const PageLines& page, size_t p, bool from_top,
                   std::vector<bool>* marks) {
  const size_t n = page.lines.size();
  for (size_t k = 0; k < n; ++k) {
    size_t i = from_top ? k : n - 1 - k;
    const Box& box = page.lines[i].box;
    bool margin = from_top ? box.y1 < kMargin * page.height : box.y0 > (1 - kMargin) * page.height;
    if (!margin || finder.TableRow(p, i)) return;
    if (!(*marks)[i] && !finder.HasForm(p, i) && !finder.Repeats(p, i, true)) return;
    (*marks)[i] = true;
  }
}

}  // namespace

bool SameLineText(const std::string& a, const std::string& b) { return SameText(Key(a), Key(b)); }

FurnitureForms::~FurnitureForms() = default;

Result<std::shared_ptr<const FurnitureForms>> FurnitureForms::Load(
    const std::filesystem::path& file) {
  Result<std::unique_ptr<PatternRows>> rows = PatternRows::Load(file, "\\s*", "\\s*");
  if (!rows.ok()) return rows.status();
  std::shared_ptr<FurnitureForms> forms(new FurnitureForms());
  forms->rows_ = std::move(rows.value());
  return std::shared_ptr<const FurnitureForms>(std::move(forms));
}

const FurnitureForms* FurnitureForms::Default() {
  static std::once_flag once;
  static std::shared_ptr<const FurnitureForms> forms;
  std::call_once(once, [] {
    std::filesystem::path file = FindLoaderData("furniture.tsv");
    if (file.empty()) return;
    Result<std::shared_ptr<const FurnitureForms>> loaded = Load(file);
    if (loaded.ok()) forms = loaded.value();
  });
  return forms.get();
}

bool FurnitureForms::Matches(const std::string& line) const { return rows_->FullMatch(line); }

std::vector<std::vector<bool>> FindFurniture(const std::vector<PageLines>& pages,
                                             const FurnitureForms* forms) {
  Finder finder(pages, forms);
  std::vector<std::vector<bool>> result(pages.size());
  for (size_t p = 0; p < pages.size(); ++p) {
    const PageLines& page = pages[p];
    result[p].assign(page.lines.size(), false);
    for (size_t i = 0; i < page.lines.size(); ++i) {
      if (!InMargin(page, i) || finder.TableRow(p, i)) continue;
      result[p][i] = finder.HasForm(p, i) || (pages.size() > 1 && finder.Repeats(p, i, false));
    }
    if (pages.size() < 2 || page.height <= 0) continue;
    MarkEdgeBlock(finder, page, p, true, &result[p]);
    MarkEdgeBlock(finder, page, p, false, &result[p]);
  }
  return result;
}

}  // namespace acervo
