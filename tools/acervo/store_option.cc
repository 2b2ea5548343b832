#include "store_option.h"

#include "i18n/i18n.h"

namespace acervo::cli {

CLI::Option* AddStoreOption(CLI::App& app, std::string* store) {
  return app.add_option(
      "--store", *store,
      _("Store: a SQLite file or a postgresql:// URI (default: $ACERVO_STORE, else ./acervo.db)"));
}

}  // namespace acervo::cli
