#include "eval/scorer.h"

#include <algorithm>
#include <map>

#include "eval/matching.h"

namespace acervo::eval {
namespace {

constexpr const char* kCategoryNames[kCategoryCount] = {
    "dates",        "amounts",        "amount_values",
    "ods",          "institutions",   "records",
    "record_dates", "record_amounts", "record_institutions",
    "record_ods",   "record_fields"};

std::optional<double> Div(int64_t num, int64_t den) {
  if (den == 0) return std::nullopt;
  return static_cast<double>(num) / static_cast<double>(den);
}

// Multiset match on keys. Calls miss(i) for unmatched gold items and extra(j) for
// unmatched predictions, in their original order.
template <typename MissFn, typename ExtraFn>
Counts MatchKeys(const std::vector<std::string>& gold, const std::vector<std::string>& pred,
                 MissFn miss, ExtraFn extra) {
  std::map<std::string, int> available;
  for (const std::string& k : pred) ++available[k];
  Counts c;
  std::vector<char> pred_used(pred.size(), 0);
  std::map<std::string, int> consumed;  // predictions of each key handed out so far
  for (size_t i = 0; i < gold.size(); ++i) {
    int& left = available[gold[i]];
    if (left > 0) {
      --left;
      ++consumed[gold[i]];
      ++c.tp;
    } else {
      ++c.fn;
      miss(i);
    }
  }
  for (size_t j = 0; j < pred.size(); ++j) {
    int& take = consumed[pred[j]];
    if (take > 0) {
      --take;
    } else {
      ++c.fp;
      extra(j);
    }
  }
  return c;
}

std::vector<std::string> Keys(const std::vector<MentionItem>& items) {
  std::vector<std::string> keys;
  keys.reserve(items.size());
  for (const MentionItem& m : items) keys.push_back(m.key);
  return keys;
}

bool ShareSpelling(const InstitutionItem& a, const InstitutionItem& b) {
  for (const std::string& x : a.spellings) {
    for (const std::string& y : b.spellings) {
      if (x == y) return true;
    }
  }
  return false;
}

// One to one on shared spellings. Calls miss/extra with the unmatched indices.
template <typename MissFn, typename ExtraFn>
Counts MatchInstitutions(const std::vector<InstitutionItem>& gold,
                         const std::vector<InstitutionItem>& pred, MissFn miss, ExtraFn extra) {
  std::vector<int> partner =
      MaximumMatching(static_cast<int>(gold.size()), static_cast<int>(pred.size()),
                      [&](int g, int p) { return ShareSpelling(gold[g], pred[p]); });
  Counts c;
  std::vector<char> used(pred.size(), 0);
  for (size_t g = 0; g < gold.size(); ++g) {
    if (partner[g] >= 0) {
      ++c.tp;
      used[partner[g]] = 1;
    } else {
      ++c.fn;
      miss(g);
    }
  }
  for (size_t p = 0; p < pred.size(); ++p) {
    if (!used[p]) {
      ++c.fp;
      extra(p);
    }
  }
  return c;
}

void ScoreMentions(Category category, const std::vector<MentionItem>& gold,
                   const std::vector<MentionItem>& pred, DocResult* out) {
  out->scores[category] = MatchKeys(
      Keys(gold), Keys(pred),
      [&](size_t i) {
        out->diff.push_back(
            {DiffItem::kMissed, category, gold[i].text, gold[i].key, "", gold[i].where});
      },
      [&](size_t j) {
        out->diff.push_back(
            {DiffItem::kExtra, category, pred[j].text, pred[j].key, "", pred[j].where});
      });
}

// The declared types either side has, each matched on its keys.
void ScoreDeclared(const DocAnnotations& gold, const DocAnnotations& pred, DocResult* out) {
  static const std::vector<MentionItem> kNone;
  auto of = [](const DocAnnotations& d,
               const std::string& type) -> const std::vector<MentionItem>& {
    auto it = d.declared.find(type);
    return it == d.declared.end() ? kNone : it->second;
  };
  std::vector<std::string> types;
  for (const auto& [type, items] : gold.declared) types.push_back(type);
  for (const auto& [type, items] : pred.declared) {
    if (!gold.declared.count(type)) types.push_back(type);
  }
  for (const std::string& type : types) {
    const std::vector<MentionItem>& g = of(gold, type);
    const std::vector<MentionItem>& p = of(pred, type);
    auto item = [&](DiffItem::Kind kind, const MentionItem& m) {
      out->diff.push_back({kind, Category::kDates, m.text, m.key, "", m.where, type});
    };
    out->scores.declared[type] = MatchKeys(
        Keys(g), Keys(p), [&](size_t i) { item(DiffItem::kMissed, g[i]); },
        [&](size_t j) { item(DiffItem::kExtra, p[j]); });
  }
}

void ScoreRecordFields(const RecordItem& g, const RecordItem& p, DocResult* out) {
  Scores& s = out->scores;
  auto field = [&](Category category, const std::vector<std::string>& gk,
                   const std::vector<std::string>& pk) {
    s[category] += MatchKeys(
        gk, pk,
        [&](size_t i) {
          out->diff.push_back({DiffItem::kMissed, category, "", gk[i], g.label, g.where});
        },
        [&](size_t j) {
          out->diff.push_back({DiffItem::kExtra, category, "", pk[j], g.label, g.where});
        });
  };
  field(Category::kRecordDates, g.dates, p.dates);
  field(Category::kRecordAmounts, g.amounts, p.amounts);
  field(Category::kRecordOds, g.ods, p.ods);
  s[Category::kRecordInstitutions] += MatchInstitutions(
      g.institutions, p.institutions,
      [&](size_t i) {
        out->diff.push_back({DiffItem::kMissed, Category::kRecordInstitutions,
                             g.institutions[i].name, "", g.label, g.where});
      },
      [&](size_t j) {
        out->diff.push_back({DiffItem::kExtra, Category::kRecordInstitutions,
                             p.institutions[j].name, "", g.label, g.where});
      });
  s.kind.total += 1;
  if (g.kind == p.kind) {
    s.kind.hits += 1;
  } else {
    out->diff.push_back({DiffItem::kWrongKind, Category::kRecords, g.label,
                         "gold " + g.kind + ", predicted " + p.kind, "", g.where});
  }
}

void ScoreRecords(const DocAnnotations& gold, const DocAnnotations& pred, DocResult* out) {
  const std::vector<RecordItem>& g = gold.records;
  const std::vector<RecordItem>& p = pred.records;
  std::vector<int> partner = MaximumMatching(
      static_cast<int>(g.size()), static_cast<int>(p.size()),
      [&](int i, int j) { return p[j].text_key.find(g[i].text_key) != std::string::npos; });
  Counts& c = out->scores[Category::kRecords];
  std::vector<char> used(p.size(), 0);
  for (size_t i = 0; i < g.size(); ++i) {
    if (partner[i] < 0) {
      ++c.fn;
      out->diff.push_back(
          {DiffItem::kMissed, Category::kRecords, g[i].label, g[i].kind, "", g[i].where});
      continue;
    }
    ++c.tp;
    used[partner[i]] = 1;
    ScoreRecordFields(g[i], p[partner[i]], out);
  }
  Scores& s = out->scores;
  for (size_t j = 0; j < p.size(); ++j) {
    if (p[j].confidence >= 0) s.confidences.push_back({p[j].confidence, used[j] != 0});
    if (p[j].status == "auto") {
      ++s.auto_precision.total;
      if (used[j]) ++s.auto_precision.hits;
    }
  }
  for (size_t j = 0; j < p.size(); ++j) {
    if (used[j]) continue;
    ++c.fp;
    out->diff.push_back(
        {DiffItem::kExtra, Category::kRecords, p[j].label, p[j].kind, "", p[j].where});
  }
}

}  // namespace

std::optional<double> Counts::precision() const { return Div(tp, tp + fp); }
std::optional<double> Counts::recall() const { return Div(tp, tp + fn); }
std::optional<double> Counts::f1() const { return Div(2 * tp, 2 * tp + fp + fn); }

Counts& Counts::operator+=(const Counts& o) {
  tp += o.tp;
  fp += o.fp;
  fn += o.fn;
  return *this;
}

std::optional<double> Ratio::value() const { return Div(hits, total); }

Ratio& Ratio::operator+=(const Ratio& o) {
  hits += o.hits;
  total += o.total;
  return *this;
}

Scores& Scores::operator+=(const Scores& o) {
  for (int i = 0; i < kCategoryCount; ++i) counts[i] += o.counts[i];
  kind += o.kind;
  confidences.insert(confidences.end(), o.confidences.begin(), o.confidences.end());
  auto_precision += o.auto_precision;
  for (const auto& [type, c] : o.declared) declared[type] += c;
  return *this;
}

std::optional<double> Scores::ConfidenceAuc() const {
  double pairs = 0, wins = 0;
  for (const ConfidenceSample& a : confidences) {
    if (!a.matched) continue;
    for (const ConfidenceSample& b : confidences) {
      if (b.matched) continue;
      pairs += 1;
      wins += a.confidence > b.confidence ? 1.0 : a.confidence == b.confidence ? 0.5 : 0.0;
    }
  }
  if (pairs == 0) return std::nullopt;
  return wins / pairs;
}

const char* CategoryName(Category c) { return kCategoryNames[static_cast<int>(c)]; }

bool ParseCategory(std::string_view name, Category* c) {
  for (int i = 0; i < kCategoryCount; ++i) {
    if (name == kCategoryNames[i]) {
      *c = static_cast<Category>(i);
      return true;
    }
  }
  return false;
}

DocResult ScoreDocument(const DocAnnotations& gold, const DocAnnotations& pred) {
  DocResult out;
  out.stem = gold.stem;
  out.gold_source = gold.source;
  out.pred_source = pred.source;
  ScoreMentions(Category::kDates, gold.dates, pred.dates, &out);
  ScoreMentions(Category::kAmounts, gold.amounts, pred.amounts, &out);
  ScoreMentions(Category::kAmountValues, gold.amount_values, pred.amount_values, &out);
  ScoreMentions(Category::kOds, gold.ods, pred.ods, &out);
  out.scores[Category::kInstitutions] = MatchInstitutions(
      gold.institutions, pred.institutions,
      [&](size_t i) {
        const InstitutionItem& g = gold.institutions[i];
        out.diff.push_back({DiffItem::kMissed, Category::kInstitutions, g.name, "", "", g.where});
      },
      [&](size_t j) {
        const InstitutionItem& p = pred.institutions[j];
        out.diff.push_back({DiffItem::kExtra, Category::kInstitutions, p.name, "", "", p.where});
      });
  ScoreRecords(gold, pred, &out);
  ScoreDeclared(gold, pred, &out);

  Scores& s = out.scores;
  for (Category c : {Category::kRecordDates, Category::kRecordAmounts,
                     Category::kRecordInstitutions, Category::kRecordOds}) {
    s[Category::kRecordFields] += s[c];
  }
  // Field items right after the records they belong to; otherwise by category, then place.
  std::stable_sort(out.diff.begin(), out.diff.end(), [](const DiffItem& a, const DiffItem& b) {
    auto rank = [](const DiffItem& d) {
      if (!d.type.empty()) return kCategoryCount;
      return d.category >= Category::kRecordDates ? static_cast<int>(Category::kRecords)
                                                  : static_cast<int>(d.category);
    };
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    auto pos = [](const DiffItem& d) {
      return d.where.line > 0 ? d.where.line : d.where.page * 100000;
    };
    return pos(a) < pos(b);
  });
  return out;
}

}  // namespace acervo::eval
