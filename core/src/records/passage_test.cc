// Passages' remembered folds and lexicon hits give what folding and searching anew gives.
#include "records/passage.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "acervo/text.h"
#include "records/test_document.h"

namespace acervo {
namespace {

TEST(PassagesTest, RemembersFoldsHitsAndHeadingWordsAsComputedAnew) {
  testing_records::TestDocument t(
      "# 3.1 TALLERES Y REUNIONES\n\n"
      "## 3.1.2 Taller de movilidad, Secretaría de Cooperación\n\n"
      "Se realizó el taller con la Secretaría de Cooperación.\n");
  SegmentList segments(t.document());
  std::vector<PlacedMention> mentions;
  Passages p(t.document(), segments, mentions);
  Lexicon kinds = Lexicon::FromText("taller\ttaller\nreunion\treunión\n");
  ASSERT_GE(p.size(), 3u);
  for (size_t i = 0; i < p.size(); ++i) {
    std::string_view text = p.segment(i).text;
    const std::string& folded = p.Folded(text);
    EXPECT_EQ(folded, Fold(text));
    EXPECT_EQ(&p.Folded(std::string(text)), &folded);  // the same text, from another copy
    std::vector<LexiconHit> fresh = kinds.FindAll(folded);
    const std::vector<LexiconHit>& kept = p.FoldedHits(kinds, folded);
    ASSERT_EQ(kept.size(), fresh.size());
    for (size_t k = 0; k < kept.size(); ++k) {
      EXPECT_EQ(kept[k].label, fresh[k].label);
      EXPECT_EQ(kept[k].begin, fresh[k].begin);
      EXPECT_EQ(kept[k].end, fresh[k].end);
    }
    EXPECT_EQ(&p.FoldedHits(kinds, folded), &kept);
    EXPECT_EQ(p.HeadingWordsOf(text), HeadingWords(text));
  }
  EXPECT_EQ(p.HeadingWordsOf("3.1.2 Taller de movilidad"), "taller de movilidad");
}

}  // namespace
}  // namespace acervo
