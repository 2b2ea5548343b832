// acervo/segment_kind.h — what kind of structural unit a passage of a page is. Shared by the
// document model (a Block's kind) and the plugin API (a Segment's kind), so neither has to
// include the other.
#ifndef ACERVO_SEGMENT_KIND_H_
#define ACERVO_SEGMENT_KIND_H_

namespace acervo {

enum class SegmentKind { kHeading, kParagraph, kBullet, kTableRow, kCaption };

}  // namespace acervo

#endif  // ACERVO_SEGMENT_KIND_H_
