#include "load/metadata.h"

namespace acervo {

void DetectMetadata(Document* document) {
  if (!document->info.title.empty() || document->pages.empty()) return;
  // The first heading of the first page, else its first line.
  const Page& first = document->pages.front();
  for (const Block& b : first.blocks) {
    if (b.kind == SegmentKind::kHeading || b.kind == SegmentKind::kParagraph) {
      document->info.title = first.text.substr(b.begin, b.end - b.begin);
      return;
    }
  }
}

}  // namespace acervo
