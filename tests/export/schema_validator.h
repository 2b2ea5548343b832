// schema_validator.h — a JSON Schema validator for the subset schemas/*.schema.json use:
// type (a name or a list), enum, required, properties, additionalProperties (boolean),
// items, pattern (ECMAScript), minLength, minimum, maximum. Annotations ($schema, $id,
// title, description) are ignored. Any other keyword is reported as unsupported, so the
// schema cannot quietly outgrow what the tests check.
#ifndef ACERVO_TESTS_EXPORT_SCHEMA_VALIDATOR_H_
#define ACERVO_TESTS_EXPORT_SCHEMA_VALIDATOR_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace acervo::test {

// The problems of `value` against `schema`, each "<json pointer>: <what>"; empty when valid.
std::vector<std::string> Validate(const nlohmann::json& schema, const nlohmann::json& value);

}  // namespace acervo::test

#endif  // ACERVO_TESTS_EXPORT_SCHEMA_VALIDATOR_H_
