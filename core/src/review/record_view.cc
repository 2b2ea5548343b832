#include "review/record_view.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <vector>

#include "i18n/i18n.h"
#include "review/page_image.h"

namespace acervo::review {
namespace {

using nlohmann::json;

// A record the reviewer may merge with: enough to name it and to merge it safely.
json Neighbour(const std::optional<ReviewedRecord>& r) {
  if (!r) return nullptr;
  return {{"id", r->id}, {"title", r->effective.value("title", "")}, {"version", r->version}};
}

// How many pages of a long passage get an image.
constexpr int kMaxPageImages = 3;

// A failure that is the server's, not the request's.
Status AsInternal(const Status& s) { return Status(Code::kInternal, s.message()); }

}  // namespace

json QueueItem(const ReviewedRecord& r) {
  const json& e = r.effective;
  return {{"id", r.id},
          {"kind", e.value("kind", "")},
          {"title", e.value("title", "")},
          {"confidence", e.value("confidence", 0.0)},
          {"status", e.value("status", "")},
          {"document_id", r.document_id},
          {"source", r.source},
          {"page_start", e.value("page_start", 1)},
          {"orphaned", r.orphaned},
          {"second_look", r.second_look}};
}

Box PaddedRegion(const PassageRegion& r) {
  return PadRegion(r.box, kRegionMargin, r.page_width, r.page_height);
}

bool IsPdf(const std::string& source) {
  return source.size() > 4 && (source.compare(source.size() - 4, 4, ".pdf") == 0 ||
                               source.compare(source.size() - 4, 4, ".PDF") == 0);
}

Result<json> RecordView(Reviews& reviews, const std::string& id) {
  auto r = reviews.Get(id);
  if (!r.ok()) return r.status();
  json view = r->ToJson();
  auto passage = reviews.Passage(*r);
  if (!passage.ok()) return AsInternal(passage.status());
  view["passage"] = *passage;
  std::error_code ec;
  bool image = IsPdf(r->source) && std::filesystem::is_regular_file(r->source, ec);
  view["page_image"] = image;
  view["page_image_note"] =
      image ? ""
            : (IsPdf(r->source) ? _f("The original PDF is no longer at {}: only the "
                                     "text is shown.",
                                     r->source)
                                : std::string(_("Text source: no page image.")));
  if (image) {
    // One image per page of the passage (a few at most), each cut to the passage's region.
    json regions = json::array();
    std::vector<int> whole;
    int first = (*passage)["page_start"], last = (*passage)["page_end"];
    for (int page = first; page <= std::min(last, first + kMaxPageImages - 1); ++page) {
      auto known = reviews.Region(*r, page);
      if (!known.ok()) return AsInternal(known.status());
      Box b = PaddedRegion(*known);
      regions.push_back(
          {{"page", page}, {"box", b.empty() ? json() : json{b.x0, b.y0, b.x1, b.y1}}});
      if (b.empty()) whole.push_back(page);
    }
    view["page_regions"] = regions;
    if (!whole.empty()) {
      std::string pages;
      for (int p : whole) pages += (pages.empty() ? "" : ", ") + std::to_string(p);
      view["page_image_note"] =
          _f("The passage's position on p. {} is not known: the whole page is shown.", pages);
    }
  }
  auto adjacent = reviews.Adjacent(*r);
  if (!adjacent.ok()) return AsInternal(adjacent.status());
  view["previous"] = Neighbour(adjacent->previous);
  view["next"] = Neighbour(adjacent->next);
  return view;
}

}  // namespace acervo::review
