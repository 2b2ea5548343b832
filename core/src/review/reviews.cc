#include "review/reviews.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>

#include "engine/serialize.h"
#include "review/sql.h"

namespace acervo::review {
namespace {

using nlohmann::json;

std::string NowUtc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm;
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

json ParseOrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  json j = json::parse(text, nullptr, false);
  return j.is_discarded() ? json() : j;
}

constexpr char kCorrectionColumns[] =
    "SELECT id, record_id, field, before, after, reviewer, at, IFNULL(comment, '') "
    "FROM corrections ";

Correction ReadCorrection(Statement& st) {
  Correction c;
  c.id = st.Int(0);
  c.record_id = st.Text(1);
  c.field = st.Text(2);
  c.before = ParseOrNull(st.Text(3));
  c.after = ParseOrNull(st.Text(4));
  c.reviewer = st.Text(5);
  c.at = st.Text(6);
  c.comment = st.Text(7);
  return c;
}

Result<std::vector<Correction>> CorrectionsOf(sqlite3* db, const std::string& record_id) {
  Statement st(db, (std::string(kCorrectionColumns) + "WHERE record_id = ? ORDER BY id").c_str());
  st.Bind(1, record_id);
  std::vector<Correction> out;
  Status s;
  while (st.Next(&s)) out.push_back(ReadCorrection(st));
  if (!s.ok()) return s;
  return out;
}

Result<std::map<std::string, std::vector<Correction>>> AllCorrections(sqlite3* db) {
  Statement st(db, (std::string(kCorrectionColumns) + "ORDER BY record_id, id").c_str());
  std::map<std::string, std::vector<Correction>> out;
  Status s;
  while (st.Next(&s)) {
    Correction c = ReadCorrection(st);
    out[c.record_id].push_back(std::move(c));
  }
  if (!s.ok()) return s;
  return out;
}

void Finish(ReviewedRecord* r) {
  r->version = r->corrections.empty() ? 0 : r->corrections.back().id;
  r->effective = ApplyCorrections(r->extracted, r->corrections);
  if (r->orphaned) r->effective["orphaned"] = true;
}

json FieldsOf(const json& record) {
  json fields = json::object();
  for (const std::string& f : ReviewedFields()) {
    if (record.contains(f)) fields[f] = record[f];
  }
  return fields;
}

bool HasValue(const json& record, const std::string& field) {
  json v = ValueAt(record, field);
  if (v.is_null()) return false;
  if (v.is_array() || v.is_object() || v.is_string()) return !v.empty();
  return true;
}

// Byte offset of each code point of `text`, plus its size at the end.
std::vector<size_t> CodePointOffsets(const std::string& text) {
  std::vector<size_t> out;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(text.size());
  return out;
}

// A path into an array must name an element the record has ("-" appends to one it has).
Status CheckPathExists(const json& record, const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return Status::Ok();
  std::string parent = path.substr(0, slash), last = path.substr(slash + 1);
  json up = ValueAt(record, parent);
  bool ok = last == "-" ? up.is_array()
                        : (up.is_array() ? !ValueAt(record, path).is_null() : up.is_object());
  return ok ? Status::Ok() : InvalidArgument(path + ": the record has no such field");
}

struct Highlight {
  size_t begin, end;  // bytes in the passage
  std::string type;
  json value;
};

}  // namespace

json ToJson(const Correction& c) {
  return {{"id", c.id},           {"record_id", c.record_id}, {"field", c.field},
          {"before", c.before},   {"after", c.after},         {"reviewer", c.reviewer},
          {"at", c.at},           {"comment", c.comment}};
}

json ReviewedRecord::ToJson() const {
  json cs = json::array();
  std::set<int64_t> undone = UndoneIds(corrections);
  for (const Correction& c : corrections) {
    json j = review::ToJson(c);
    j["undone"] = undone.count(c.id) > 0;
    cs.push_back(std::move(j));
  }
  return {{"id", id},           {"document_id", document_id}, {"source", source},
          {"record", effective}, {"extracted", extracted},    {"version", version},
          {"orphaned", orphaned}, {"second_look", second_look}, {"corrections", cs}};
}

Result<ReviewedRecord> Reviews::Get(const std::string& record_id) {
  sqlite3* db = store_->handle();
  ReviewedRecord r;
  r.id = record_id;
  {
    Statement st(db, "SELECT r.json, r.document_id, d.source FROM records r JOIN documents d "
                     "ON d.id = r.document_id WHERE r.id = ?");
    st.Bind(1, record_id);
    Status s;
    if (st.Next(&s)) {
      r.extracted = ParseOrNull(st.Text(0));
      r.document_id = st.Text(1);
      r.source = st.Text(2);
    }
    if (!s.ok()) return s;
  }
  if (r.extracted.is_null()) {
    Statement st(db, "SELECT s.extracted, s.document_id, IFNULL(d.source, ''), s.second_look "
                     "FROM review_snapshots s LEFT JOIN documents d ON d.id = s.document_id "
                     "WHERE s.record_id = ?");
    st.Bind(1, record_id);
    Status s;
    if (st.Next(&s)) {
      r.extracted = ParseOrNull(st.Text(0));
      r.document_id = st.Text(1);
      r.source = st.Text(2);
      r.orphaned = true;
      r.second_look = st.Int(3) != 0;
    }
    if (!s.ok()) return s;
  }
  if (r.extracted.is_null()) return NotFound("no record '" + record_id + "'");
  Result<std::vector<Correction>> cs = CorrectionsOf(db, record_id);
  if (!cs.ok()) return cs.status();
  r.corrections = std::move(*cs);
  Finish(&r);
  return r;
}

Result<std::vector<ReviewedRecord>> Reviews::Queue(const QueueFilter& f) {
  sqlite3* db = store_->handle();
  auto corrections = AllCorrections(db);
  if (!corrections.ok()) return corrections.status();

  std::vector<ReviewedRecord> all;
  auto collect = [&](const char* sql, bool orphans) -> Status {
    Statement st(db, sql);
    st.Bind(1, f.document);
    Status s;
    while (st.Next(&s)) {
      ReviewedRecord r;
      r.extracted = ParseOrNull(st.Text(0));
      if (!r.extracted.is_object()) continue;
      r.id = st.Text(1);
      r.document_id = st.Text(2);
      r.source = st.Text(3);
      r.orphaned = orphans;
      r.second_look = orphans && st.Int(4) != 0;
      if (auto it = corrections->find(r.id); it != corrections->end()) r.corrections = it->second;
      Finish(&r);
      all.push_back(std::move(r));
    }
    return s;
  };
  ACERVO_RETURN_IF_ERROR(collect(
      "SELECT r.json, r.id, r.document_id, d.source, 0 FROM records r JOIN documents d ON d.id "
      "= r.document_id WHERE ?1 = '' OR r.document_id = ?1 OR instr(d.source, ?1) > 0",
      false));
  ACERVO_RETURN_IF_ERROR(collect(
      "SELECT s.extracted, s.record_id, s.document_id, IFNULL(d.source, ''), s.second_look "
      "FROM review_snapshots s LEFT JOIN documents d ON d.id = s.document_id WHERE "
      "s.orphaned_at IS NOT NULL AND (?1 = '' OR s.document_id = ?1 OR instr(d.source, ?1) > 0)",
      true));

  std::vector<ReviewedRecord> out;
  for (ReviewedRecord& r : all) {
    const json& e = r.effective;
    std::string status = e.value("status", "");
    if (f.status == "needs_review" && status != "needs_review" && !r.second_look) continue;
    if (f.status == "reviewed" && status != "reviewed") continue;
    if (f.status == "auto" && status != "auto") continue;
    if (!f.kind.empty() && e.value("kind", "") != f.kind) continue;
    if (!f.field.empty() && !HasValue(e, f.field)) continue;
    double c = e.value("confidence", 0.0);
    if (c < f.min_confidence || c > f.max_confidence) continue;
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const ReviewedRecord& a, const ReviewedRecord& b) {
    double ca = a.effective.value("confidence", 0.0), cb = b.effective.value("confidence", 0.0);
    return ca != cb ? ca < cb : a.id < b.id;
  });
  return out;
}

namespace {

// Stores one change of record `r` as a correction and applies it to `r`. Inside the caller's
// transaction.
Status AppendCorrection(sqlite3* db, ReviewedRecord* r, const Change& change,
                        const std::string& reviewer, const std::string& comment,
                        const std::string& at) {
  Correction c;
  c.record_id = r->id;
  c.field = change.field;
  c.reviewer = reviewer;
  c.at = at;
  c.comment = comment;
  c.after = change.after;
  if (c.field == "accept") {
    c.before = r->effective.value("status", "");
    c.after = FieldsOf(r->effective);
  } else if (c.field == "reject") {
    c.before = r->effective.value("rejected", false);
    c.after = true;
  } else if (c.field == "merge" || c.field == "split") {
    c.before = FieldsOf(r->effective);
  } else if (c.field.rfind("undo:", 0) == 0) {
    int64_t target = std::strtoll(c.field.c_str() + 5, nullptr, 10);
    auto it = std::find_if(r->corrections.begin(), r->corrections.end(),
                           [&](const Correction& x) { return x.id == target; });
    if (it == r->corrections.end()) {
      return InvalidArgument("correction " + std::to_string(target) + " is not one of record " +
                             r->id + "'s");
    }
    c.after = {{"undoes", it->field}};
  } else if (c.field != "add_mention") {
    c.before = ValueAt(r->effective, c.field);
    ACERVO_RETURN_IF_ERROR(CheckPathExists(r->effective, c.field));
  }
  Statement ins(db, "INSERT INTO corrections(record_id, field, before, after, reviewer, at, "
                    "comment) VALUES(?,?,?,?,?,?,?)");
  ins.Bind(1, c.record_id).Bind(2, c.field).Bind(3, c.before.dump()).Bind(4, c.after.dump());
  ins.Bind(5, c.reviewer).Bind(6, c.at).Bind(7, c.comment);
  ACERVO_RETURN_IF_ERROR(ins.Run().Prefixed("storing a correction"));
  c.id = sqlite3_last_insert_rowid(db);
  r->corrections.push_back(std::move(c));
  Finish(r);
  return Status::Ok();
}

// Keeps the record's last extracted and effective versions (review_snapshots), so it
// survives a re-extraction that no longer finds it.
Status PutSnapshot(sqlite3* db, ReviewedRecord* r) {
  Statement snap(db,
                 "INSERT INTO review_snapshots(record_id, document_id, extracted, json, version) "
                 "VALUES(?,?,?,?,?) ON CONFLICT(record_id) DO UPDATE SET extracted = "
                 "excluded.extracted, json = excluded.json, version = excluded.version, "
                 "second_look = 0");
  snap.Bind(1, r->id).Bind(2, r->document_id).Bind(3, r->extracted.dump())
      .Bind(4, r->effective.dump()).Bind(5, r->version);
  ACERVO_RETURN_IF_ERROR(snap.Run().Prefixed("storing the reviewed record"));
  r->second_look = false;
  return Status::Ok();
}

// Each entry of `b` that `a` lacks, appended to `a`.
json Union(json a, const json& b) {
  if (!a.is_array()) a = json::array();
  if (!b.is_array()) return a;
  for (const json& e : b) {
    if (std::find(a.begin(), a.end(), e) == a.end()) a.push_back(e);
  }
  return a;
}

}  // namespace

Result<SaveResult> Reviews::Save(const Decision& d) {
  if (d.reviewer.empty()) return InvalidArgument("a decision needs the reviewer's name");
  if (d.changes.empty()) return InvalidArgument("a decision needs at least one change");
  for (const Change& c : d.changes) {
    if (c.field == "merge") {
      return InvalidArgument("merge: a merge changes two records; merge them together "
                             "(acervo review merge INTO FROM)");
    }
    ACERVO_RETURN_IF_ERROR(ValidateChange(c.field, c.after));
  }

  sqlite3* db = store_->handle();
  Transaction tx(db);
  ACERVO_RETURN_IF_ERROR(tx.status());
  Result<ReviewedRecord> current = Get(d.record_id);
  if (!current.ok()) return current.status();
  SaveResult result;
  result.record = std::move(*current);
  if (d.base_version >= 0 && d.base_version != result.record.version) {
    result.stale = true;
    return result;  // the transaction rolls back; nothing was written
  }
  const std::string at = NowUtc();
  for (const Change& change : d.changes) {
    ACERVO_RETURN_IF_ERROR(AppendCorrection(db, &result.record, change, d.reviewer, d.comment, at));
  }
  ACERVO_RETURN_IF_ERROR(PutSnapshot(db, &result.record));
  ACERVO_RETURN_IF_ERROR(tx.Commit());
  return result;
}

Result<MergeResult> Reviews::Merge(const MergeDecision& d) {
  if (d.reviewer.empty()) return InvalidArgument("a decision needs the reviewer's name");
  if (d.into == d.from) return InvalidArgument("cannot merge a record into itself");
  sqlite3* db = store_->handle();
  Transaction tx(db);
  ACERVO_RETURN_IF_ERROR(tx.status());
  Result<ReviewedRecord> into = Get(d.into);
  if (!into.ok()) return into.status();
  Result<ReviewedRecord> from = Get(d.from);
  if (!from.ok()) return from.status();
  MergeResult result{false, std::move(*into), std::move(*from)};
  if ((d.into_version >= 0 && d.into_version != result.into.version) ||
      (d.from_version >= 0 && d.from_version != result.from.version)) {
    result.stale = true;
    return result;
  }
  if (result.from.effective.contains("merged_into")) {
    return InvalidArgument(d.from + " is already merged into " +
                           result.from.effective["merged_into"].dump());
  }
  // The surviving record keeps its kind and title and gains the other's dates, amounts,
  // institutions and goals.
  json fields = FieldsOf(result.into.effective);
  for (const char* list : {"dates", "amounts", "institutions", "ods"}) {
    fields[list] = Union(fields.value(list, json::array()),
                         result.from.effective.value(list, json::array()));
  }
  const std::string at = NowUtc();
  ACERVO_RETURN_IF_ERROR(AppendCorrection(db, &result.into,
                                          {"merge", {{"from", d.from}, {"fields", fields}}},
                                          d.reviewer, d.comment, at));
  ACERVO_RETURN_IF_ERROR(AppendCorrection(db, &result.from, {"merge", {{"into", d.into}}},
                                          d.reviewer, d.comment, at));
  ACERVO_RETURN_IF_ERROR(PutSnapshot(db, &result.into));
  ACERVO_RETURN_IF_ERROR(PutSnapshot(db, &result.from));
  ACERVO_RETURN_IF_ERROR(tx.Commit());
  return result;
}

namespace {

// The pages `first`..`last` of a document as stored: text, blocks (with their boxes) and size.
// A page whose layout JSON does not parse keeps its text, so the passage still shows.
Result<std::map<int, Page>> LoadPages(sqlite3* db, const std::string& document_id, int first,
                                      int last) {
  std::map<int, Page> pages;
  Statement st(db, "SELECT number, text, json FROM pages WHERE document_id = ? AND number "
                   "BETWEEN ? AND ? ORDER BY number");
  st.Bind(1, document_id).Bind(2, int64_t{first}).Bind(3, int64_t{last});
  Status s;
  while (st.Next(&s)) {
    int number = static_cast<int>(st.Int(0));
    Result<Page> parsed = PageFromJson(ParseOrNull(st.Text(2)), st.Text(1));
    Page& page = pages[number];
    if (parsed.ok()) page = std::move(*parsed);
    else page.text = st.Text(1);
    page.number = number;
  }
  if (!s.ok()) return s;
  return pages;
}

// A line of the passage found in a page: bytes [page_at, page_at + size) of page `page` are
// bytes [passage_at, passage_at + size) of the passage.
struct LocatedLine {
  int page;
  size_t page_at, passage_at, size;
};

// Where the record's first segment starts, from its id ("r-<hash>-<page>-<block>[-<byte
// offset>]", records/assembler.h): the search for its lines starts there, so a short first
// line is not matched earlier on the page. {0, 0} when the id says nothing usable.
std::pair<int, size_t> StartOf(const std::string& record_id, const std::map<int, Page>& pages) {
  int page = 0;
  size_t block = 0, offset = 0;
  char hash[32];
  int n = std::sscanf(record_id.c_str(), "r-%31[0-9a-f]-%d-%zu-%zu", hash, &page, &block, &offset);
  if (n < 3) return {0, 0};
  auto it = pages.find(page);
  if (it == pages.end() || block >= it->second.blocks.size()) return {0, 0};
  return {page, it->second.blocks[block].begin + (n == 4 ? offset : 0)};
}

// Finds each line of `passage` in `pages`, in order, from `start` (page, byte) on.
std::vector<LocatedLine> LocateLines(const std::map<int, Page>& pages, const std::string& passage,
                                     std::pair<int, size_t> start) {
  std::vector<LocatedLine> out;
  auto page_it = start.first ? pages.find(start.first) : pages.begin();
  size_t page_pos = start.first ? start.second : 0, line_start = 0;
  while (line_start <= passage.size() && page_it != pages.end()) {
    size_t nl = passage.find('\n', line_start);
    if (nl == std::string::npos) nl = passage.size();
    std::string line = passage.substr(line_start, nl - line_start);
    if (!line.empty()) {
      for (auto it = page_it; it != pages.end(); ++it) {
        size_t at = it->second.text.find(line, it == page_it ? page_pos : 0);
        if (at == std::string::npos) continue;
        out.push_back({it->first, at, line_start, line.size()});
        page_it = it;
        page_pos = at + line.size();
        break;
      }
    }
    line_start = nl + 1;
  }
  return out;
}

// The passage's lines, looked for from where the record's id says it starts, and from the
// top of its first page when that finds nothing (an id from an older extraction).
std::vector<LocatedLine> LocatePassage(const ReviewedRecord& record,
                                       const std::map<int, Page>& pages) {
  const std::string passage = record.effective.value("text", "");
  std::pair<int, size_t> start = StartOf(record.id, pages);
  std::vector<LocatedLine> lines = LocateLines(pages, passage, start);
  if (lines.empty() && start.first != 0) lines = LocateLines(pages, passage, {0, 0});
  return lines;
}

std::pair<int, int> PagesOf(const json& record) {
  int first = record.value("page_start", 1);
  return {first, record.value("page_end", first)};
}

}  // namespace

Result<AdjacentRecords> Reviews::Adjacent(const ReviewedRecord& record) {
  AdjacentRecords out;
  if (record.orphaned) return out;
  // Nearest first on each side; the first that is still an activity of its own.
  auto nearest = [&](const char* sql, std::optional<ReviewedRecord>* slot) -> Status {
    Statement st(store_->handle(), sql);
    st.Bind(1, record.document_id).Bind(2, record.id);
    Status s;
    while (st.Next(&s)) {
      Result<ReviewedRecord> r = Get(st.Text(0));
      if (!r.ok()) return r.status();
      if (r->effective.value("rejected", false) || r->effective.contains("merged_into")) continue;
      *slot = std::move(*r);
      break;
    }
    return s;
  };
  ACERVO_RETURN_IF_ERROR(nearest(
      "SELECT id FROM records WHERE document_id = ?1 AND seq < (SELECT seq FROM records WHERE "
      "id = ?2) ORDER BY seq DESC", &out.previous));
  ACERVO_RETURN_IF_ERROR(nearest(
      "SELECT id FROM records WHERE document_id = ?1 AND seq > (SELECT seq FROM records WHERE "
      "id = ?2) ORDER BY seq", &out.next));
  return out;
}

Result<json> Reviews::Passage(const ReviewedRecord& record) {
  sqlite3* db = store_->handle();
  const json& e = record.effective;
  auto [first, last] = PagesOf(e);
  std::string passage = e.value("text", "");

  Result<std::map<int, Page>> pages = LoadPages(db, record.document_id, first, last);
  if (!pages.ok()) return pages.status();
  struct Stored {
    size_t begin, end;  // bytes in the page
    std::string type;
    json value;
  };
  std::map<int, std::vector<Stored>> mentions;
  for (auto& [number, page] : *pages) {
    std::vector<size_t> cps = CodePointOffsets(page.text);
    Statement st(db, "SELECT start, end, type, json FROM mentions WHERE document_id = ? AND "
                     "page = ? ORDER BY start");
    st.Bind(1, record.document_id).Bind(2, int64_t{number});
    Status s;
    while (st.Next(&s)) {
      size_t b = static_cast<size_t>(st.Int(0)), en = static_cast<size_t>(st.Int(1));
      if (b > en || en >= cps.size()) continue;
      json m = ParseOrNull(st.Text(3));
      mentions[number].push_back(
          {cps[b], cps[en], st.Text(2), m.is_object() ? m.value("value", json()) : json()});
    }
    if (!s.ok()) return s;
  }

  // Carry over the mentions that fall inside each line of the passage found in the pages.
  std::vector<Highlight> marks;
  for (const LocatedLine& l : LocatePassage(record, *pages)) {
    for (const Stored& m : mentions[l.page]) {
      if (m.begin >= l.page_at && m.end <= l.page_at + l.size) {
        marks.push_back({l.passage_at + m.begin - l.page_at, l.passage_at + m.end - l.page_at,
                         m.type, m.value});
      }
    }
  }
  // Mentions a reviewer added are highlighted where their text first occurs.
  if (e.contains("added_mentions") && e["added_mentions"].is_array()) {
    for (const json& m : e["added_mentions"]) {
      std::string text = m.value("text", "");
      size_t at = text.empty() ? std::string::npos : passage.find(text);
      if (at != std::string::npos) {
        marks.push_back({at, at + text.size(), m.value("type", ""), m.value("value", json())});
      }
    }
  }
  std::sort(marks.begin(), marks.end(), [](const Highlight& a, const Highlight& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });

  json spans = json::array();
  size_t pos = 0;
  for (const Highlight& h : marks) {
    if (h.begin < pos) continue;  // overlaps one already shown
    if (h.begin > pos) spans.push_back({{"text", passage.substr(pos, h.begin - pos)}});
    spans.push_back({{"text", passage.substr(h.begin, h.end - h.begin)}, {"type", h.type},
                     {"value", h.value}});
    pos = h.end;
  }
  if (pos < passage.size()) spans.push_back({{"text", passage.substr(pos)}});
  return json{{"page_start", first}, {"page_end", last}, {"spans", spans}};
}

Result<PassageRegion> Reviews::Region(const ReviewedRecord& record, int page) {
  auto [first, last] = PagesOf(record.effective);
  if (page < first || page > last) return PassageRegion{};
  Result<std::map<int, Page>> pages = LoadPages(store_->handle(), record.document_id, first, last);
  if (!pages.ok()) return pages.status();
  auto it = pages->find(page);
  if (it == pages->end()) return PassageRegion{};
  const Page& p = it->second;
  PassageRegion region{Box{}, p.width, p.height};
  for (const LocatedLine& l : LocatePassage(record, *pages)) {
    if (l.page != page) continue;
    for (const Block& b : p.blocks) {
      if (b.box.empty() || b.end <= l.page_at || b.begin >= l.page_at + l.size) continue;
      Box& u = region.box;
      u = u.empty() ? b.box
                    : Box{std::min(u.x0, b.box.x0), std::min(u.y0, b.box.y0),
                          std::max(u.x1, b.box.x1), std::max(u.y1, b.box.y1)};
    }
  }
  return region;
}

Result<std::vector<std::string>> Reviews::InstitutionNames() {
  Statement st(store_->handle(),
               "SELECT DISTINCT json_extract(json, '$.value.name') AS name FROM mentions WHERE "
               "type = 'institution' AND name IS NOT NULL ORDER BY name");
  std::vector<std::string> out;
  Status s;
  while (st.Next(&s)) out.push_back(st.Text(0));
  if (!s.ok()) return s;
  return out;
}

Status FlagOrphanedReviews(Store* store, const std::string& document_id) {
  sqlite3* db = store->handle();
  Transaction tx(db);
  ACERVO_RETURN_IF_ERROR(tx.status());
  Statement lost(db,
                 "UPDATE review_snapshots SET second_look = CASE WHEN orphaned_at IS NULL THEN 1 "
                 "ELSE second_look END, orphaned_at = IFNULL(orphaned_at, ?2) WHERE document_id "
                 "= ?1 AND record_id NOT IN (SELECT id FROM records WHERE document_id = ?1)");
  lost.Bind(1, document_id).Bind(2, NowUtc());
  ACERVO_RETURN_IF_ERROR(lost.Run().Prefixed("flagging orphaned reviews"));
  Statement found(db,
                  "UPDATE review_snapshots SET orphaned_at = NULL, second_look = 0 WHERE "
                  "document_id = ?1 AND record_id IN (SELECT id FROM records WHERE document_id "
                  "= ?1)");
  found.Bind(1, document_id);
  ACERVO_RETURN_IF_ERROR(found.Run().Prefixed("unflagging reviews"));
  return tx.Commit();
}

}  // namespace acervo::review
