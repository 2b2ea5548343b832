// declared_types.h — the mention types a pipeline's plugins declare, for the commands that
// read the store rather than run the pipeline (export, records): their CSV columns come from
// the declarations (records/mention_types.h), not from a list in core.
#ifndef ACERVO_TOOLS_DECLARED_TYPES_H_
#define ACERVO_TOOLS_DECLARED_TYPES_H_

#include <CLI/CLI.hpp>
#include <string>

#include "acervo/engine.h"
#include "records/mention_types.h"

namespace acervo::cli {

// Adds --pipeline (default "default") to `app`, stored in `*pipeline`.
void AddPipelineOption(CLI::App& app, std::string* pipeline);

// The declarations of `pipeline`'s plugins. When its plugins cannot be loaded, says so on
// stderr and returns no declarations: the contract's columns are still exported.
MentionTypes DeclaredMentionTypes(const std::string& pipeline);
MentionTypes DeclaredMentionTypes(const EngineOptions& options);

}  // namespace acervo::cli

#endif  // ACERVO_TOOLS_DECLARED_TYPES_H_
