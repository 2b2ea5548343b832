// Reviewers' decisions: each change stored as a correction, checked against the version the
// reviewer saw, in one store transaction (reviews.h).
#include <algorithm>
#include <cstdlib>

#include "review/reviews.h"

namespace acervo::review {

using nlohmann::json;
namespace {

json FieldsOf(const json& record) {
  json fields = json::object();
  for (const auto& [f, value] : record.items()) {
    if (IsReviewedField(f)) fields[f] = value;
  }
  return fields;
}

// A path into an array must name an element the record has ("-" appends to one it has).
Status CheckPathExists(const json& record, const std::string& path) {
  size_t slash = path.rfind('/');
  std::string root = path.substr(0, path.find('/'));
  if (MentionTypes::IsDeclarableField(root) && !ValueAt(record, root).is_array()) {
    return InvalidArgument(path +
                           ": the record has no such field (no plugin of its pipeline "
                           "declares it)");
  }
  if (slash == std::string::npos) return Status::Ok();
  std::string parent = path.substr(0, slash), last = path.substr(slash + 1);
  json up = ValueAt(record, parent);
  bool ok = last == "-" ? up.is_array()
                        : (up.is_array() ? !ValueAt(record, path).is_null() : up.is_object());
  return ok ? Status::Ok() : InvalidArgument(path + ": the record has no such field");
}

// Stores one change of record `r` as a correction and applies it to `r`. Inside the caller's
// transaction.
Status AppendCorrection(Store* store, ReviewedRecord* r, const Change& change,
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
  Result<int64_t> id = store->AppendCorrection(c);
  if (!id.ok()) return id.status();
  c.id = *id;
  r->corrections.push_back(std::move(c));
  r->Recompute();
  return Status::Ok();
}

// Keeps the record's last extracted and effective versions (review_snapshots), so it
// survives a re-extraction that no longer finds it.
Status PutSnapshot(Store* store, ReviewedRecord* r) {
  ACERVO_RETURN_IF_ERROR(
      store->PutReviewSnapshot({r->id, r->document_id, r->extracted, r->effective, r->version}));
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
      return InvalidArgument(
          "merge: a merge changes two records; merge them together "
          "(acervo review merge INTO FROM)");
    }
    ACERVO_RETURN_IF_ERROR(ValidateChange(c.field, c.after));
  }

  SaveResult result;
  Status s = store_->Transact([&]() -> Status {
    Result<ReviewedRecord> current = Get(d.record_id);
    if (!current.ok()) return current.status();
    result.record = std::move(*current);
    if (d.base_version >= 0 && d.base_version != result.record.version) {
      result.stale = true;
      return Status::Ok();  // nothing is written
    }
    const std::string at = FormatUtc(env_.Now());
    for (const Change& change : d.changes) {
      ACERVO_RETURN_IF_ERROR(
          AppendCorrection(store_, &result.record, change, d.reviewer, d.comment, at));
    }
    return PutSnapshot(store_, &result.record);
  });
  if (!s.ok()) return s;
  return result;
}

Result<MergeResult> Reviews::Merge(const MergeDecision& d) {
  if (d.reviewer.empty()) return InvalidArgument("a decision needs the reviewer's name");
  if (d.into == d.from) return InvalidArgument("cannot merge a record into itself");
  MergeResult result;
  Status s = store_->Transact([&]() -> Status {
    Result<ReviewedRecord> into = Get(d.into);
    if (!into.ok()) return into.status();
    Result<ReviewedRecord> from = Get(d.from);
    if (!from.ok()) return from.status();
    result = {false, std::move(*into), std::move(*from)};
    if ((d.into_version >= 0 && d.into_version != result.into.version) ||
        (d.from_version >= 0 && d.from_version != result.from.version)) {
      result.stale = true;
      return Status::Ok();  // nothing is written
    }
    if (result.from.effective.contains("merged_into")) {
      return InvalidArgument(d.from + " is already merged into " +
                             result.from.effective["merged_into"].dump());
    }
    // The surviving record keeps its kind and title and gains the other's dates, amounts,
    // institutions, goals and values of the plugins' own types.
    json fields = FieldsOf(result.into.effective);
    for (const char* list : {"dates", "amounts", "institutions", "ods"}) {
      fields[list] = Union(fields.value(list, json::array()),
                           result.from.effective.value(list, json::array()));
    }
    for (auto it = fields.begin(); it != fields.end(); ++it) {
      if (!MentionTypes::IsDeclarableField(it.key())) continue;
      *it = Union(*it, result.from.effective.value(it.key(), json::array()));
    }
    const std::string at = FormatUtc(env_.Now());
    ACERVO_RETURN_IF_ERROR(AppendCorrection(store_, &result.into,
                                            {"merge", {{"from", d.from}, {"fields", fields}}},
                                            d.reviewer, d.comment, at));
    ACERVO_RETURN_IF_ERROR(AppendCorrection(store_, &result.from, {"merge", {{"into", d.into}}},
                                            d.reviewer, d.comment, at));
    ACERVO_RETURN_IF_ERROR(PutSnapshot(store_, &result.into));
    ACERVO_RETURN_IF_ERROR(PutSnapshot(store_, &result.from));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return result;
}

}  // namespace acervo::review
