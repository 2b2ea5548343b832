// A pattern file matched row by row, long bounds lifted first, says of every line what the
// alternation of its rows as written says.
#include "load/pattern_rows.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <string>
#include <vector>

#include "load/loader_data.h"

namespace acervo {
namespace {

TEST(PatternRows, LongBoundsAreLiftedAndNothingElse) {
  EXPECT_EQ(LiftLongBounds(R"(a\b.{0,20}\d{1,2}x.{0,40})"), R"(a\b.{0,}\d{1,2}x.{0,})");
  EXPECT_EQ(LiftLongBounds(R"(\d{2,4}.{3,10}.{2,10}?)"), R"(\d{2,4}.{3,10}.{2,}?)");
  // Escaped braces, braces in a class or a \Q…\E literal, exact counts and bounds over
  // RE2's limit stay as written.
  for (const char* same : {R"(\{0,20})", R"([{0,20}])", R"([]{0,20}])", R"(\Q{0,20}\E)", R"(a{20})",
                           R"(a{20,})", R"(a{0,2000})", R"(a{,20})"}) {
    EXPECT_EQ(LiftLongBounds(same), same);
  }
}

TEST(PatternRows, MatchWhatTheAlternationOfTheRowsMatches) {
  const std::filesystem::path file = ACERVO_SOURCE_DIR "/core/data/loader/furniture.tsv";
  Result<std::unique_ptr<PatternRows>> rows = PatternRows::Load(file, "\\s*", "\\s*");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  Result<std::unique_ptr<re2::RE2>> all = LoadPatterns(file, "\\s*", "\\s*");
  ASSERT_TRUE(all.ok()) << all.status().message();
  const std::string long_tail(41, 'x');
  for (const std::string& line : std::vector<std::string>{"3",
                                                          " - 12 - ",
                                                          "Página 3 de 16",
                                                          "pág. 2/9",
                                                          "Hoja: 2 de 3",
                                                          "Folio N° 12",
                                                          "Impreso el 12/03/2024 10:32",
                                                          "IMPRESO EL 12/03/2024",
                                                          "Fecha de impresión: 12-03-2024",
                                                          "Emitido: ayer 1/2/24 por el sistema",
                                                          "Generado 1/2/24 " + long_tail,
                                                          "Generado " + long_tail + " 1/2/24",
                                                          "Generadoel 1/2/24",
                                                          "impreso: sin fecha",
                                                          "12/03/2024 10:32:05",
                                                          "12/03/2024 10:32 hs.",
                                                          "Escaneado con CamScanner",
                                                          "El informe fue impreso el 12/03/2024",
                                                          "Página",
                                                          "",
                                                          "  ",
                                                          "ñandú 1/1/11",
                                                          "emitido — 01.02.2023 — página única"}) {
    EXPECT_EQ((*rows)->FullMatch(line), RE2::FullMatch(line, **all)) << line;
  }
}

}  // namespace
}  // namespace acervo
