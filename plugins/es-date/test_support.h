// es-date/test_support.h — what the es-date tests share: a harness fixture that runs the
// extractor on a passage and writes each date as "covered text=start/end", and a document
// with a period. Tests only; one fixture per test, so nothing is shared between threads.
#ifndef ACERVO_PLUGINS_ES_DATE_TEST_SUPPORT_H_
#define ACERVO_PLUGINS_ES_DATE_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "acervo/testing.h"
#include "es_date.h"

namespace acervo::es_date {

// A date mention as "covered text=start/end", for compact expectations.
inline std::vector<std::string> Dates(std::string_view text, const std::vector<Mention>& ms) {
  std::vector<std::string> out;
  for (const Mention& m : ms) {
    out.push_back(std::string(text.substr(m.begin, m.end - m.begin)) + "=" +
                  m.value["start"].get<std::string>() + "/" + m.value["end"].get<std::string>());
  }
  return out;
}

class EsDateFixture : public ::testing::Test {
 protected:
  std::vector<std::string> Run(std::string_view text, const DocumentContext& doc = {}) {
    return Dates(text, harness_.Extract(text, doc));
  }
  std::vector<Mention> Mentions(std::string_view text, const DocumentContext& doc = {}) {
    return harness_.Extract(text, doc);
  }

  testing::Harness harness_{std::make_unique<EsDateExtractor>(), ACERVO_PLUGIN_SOURCE_DATA_DIR};
};

inline DocumentContext Period(std::string start, std::string end) {
  DocumentContext d;
  d.period_start = std::move(start);
  d.period_end = std::move(end);
  return d;
}

}  // namespace acervo::es_date

#endif  // ACERVO_PLUGINS_ES_DATE_TEST_SUPPORT_H_
