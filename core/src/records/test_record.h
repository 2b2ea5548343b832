// test_record.h — tests write the records they store as the contract's JSON, which reads
// best; RecordOf turns it into a Record, failing the test on a malformed one.
#ifndef ACERVO_CORE_RECORDS_TEST_RECORD_H_
#define ACERVO_CORE_RECORDS_TEST_RECORD_H_

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "acervo/record.h"
#include "records/record_json.h"

namespace acervo::test {

inline Record RecordOf(const nlohmann::json& json) {
  Result<Record> r = RecordFromJson(json);
  EXPECT_TRUE(r.ok()) << r.status().message() << "\n" << json.dump();
  return r.ok() ? std::move(r.value()) : Record{};
}

}  // namespace acervo::test

#endif  // ACERVO_CORE_RECORDS_TEST_RECORD_H_
