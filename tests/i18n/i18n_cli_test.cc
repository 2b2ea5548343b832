// The `acervo` binary in Spanish and English (docs/i18n.md): the language comes from the
// environment without any generated locale (this machine has none for es_MX), --lang
// overrides it, the report writes numbers and dates the language's way, and machine-readable
// output is byte for byte the same in both.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "test_util.h"

namespace acervo {
namespace {

using test::Quote;
using test::RunCommand;
using ::testing::HasSubstr;
using ::testing::Not;

// One activity with a full date and an amount with thousands and cents.
constexpr const char* kReport =
    "# Informe de actividades\n\n"
    "El 3 de marzo de 2024 la Secretaría de Medio Ambiente firmó un convenio con la Agencia "
    "Francesa de Desarrollo por $1,250,000.75 MXN para el abastecimiento de agua potable.\n";

class I18nCliTest : public ::testing::Test {
 protected:
  // Runs acervo with nothing of the test process's locale: `env` is the whole language setup.
  test::RunResult Acervo(const std::string& env, const std::string& args) {
    return RunCommand("cd " + Quote(dir_.path()) +
                      " && env -u LC_ALL -u LC_MESSAGES -u LANG -u LANGUAGE -u ACERVO_LANG " +
                      "ACERVO_STORE=store.db " + env + " " + Quote(ACERVO_BINARY) + " " + args);
  }
  // stdout alone.
  std::string Out(const std::string& env, const std::string& args) {
    test::RunResult r = Acervo(env, args + " 2>/dev/null");
    EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.output;
    return r.output;
  }
  test::TempDir dir_;
};

TEST_F(I18nCliTest, HelpFollowsLangWithoutAGeneratedLocale) {
  auto es = Acervo("LANG=es_MX.UTF-8", "--help");
  EXPECT_EQ(es.exit_code, 0);
  EXPECT_THAT(es.output, HasSubstr("Uso: acervo"));
  EXPECT_THAT(es.output, HasSubstr("Resumir el almacén"));
  EXPECT_THAT(es.output, HasSubstr("Mostrar esta ayuda y salir"));
  auto en = Acervo("LANG=C", "--help");
  EXPECT_THAT(en.output, HasSubstr("Usage: acervo"));
  EXPECT_THAT(en.output, HasSubstr("Summarize the store"));
  EXPECT_THAT(en.output, Not(HasSubstr("almacén")));
  auto sub = Acervo("LANG=es_AR.UTF-8", "report --help");
  EXPECT_THAT(sub.output, HasSubstr("Almacén: un archivo SQLite o un URI postgresql://"));
  EXPECT_THAT(Acervo("LANG=C.UTF-8 LANGUAGE=es", "--help").output, HasSubstr("Uso:"));
  EXPECT_THAT(Acervo("LC_ALL=C LANG=es_MX.UTF-8", "--help").output, HasSubstr("Usage:"));
}

// The queue's commands and a missing store speak the language too; `status --json` does not.
TEST_F(I18nCliTest, QueueCommandsFollowTheLanguage) {
  EXPECT_THAT(Acervo("LANG=es_MX.UTF-8", "status --help").output,
              HasSubstr("Qué contiene un almacén"));
  EXPECT_THAT(Acervo("LANG=es_MX.UTF-8", "work --help").output,
              HasSubstr("Extraer los documentos de la cola"));
  EXPECT_THAT(Acervo("LANG=es_MX.UTF-8", "enqueue --help").output,
              HasSubstr("Poner documentos en la cola"));
  EXPECT_THAT(Acervo("LANG=C", "work --help").output, HasSubstr("Extract queued documents"));
  auto es = Acervo("LANG=es_MX.UTF-8", "status --store falta.db");
  EXPECT_EQ(es.exit_code, 1);
  EXPECT_THAT(es.output, HasSubstr("falta.db: no existe el almacén"));
  EXPECT_THAT(Acervo("LANG=C", "status --store falta.db").output, HasSubstr("no such store"));
}

TEST_F(I18nCliTest, ErrorsFollowTheLanguage) {
  auto es = Acervo("LANG=es_MX.UTF-8", "extract no-esta.pdf");
  EXPECT_EQ(es.exit_code, 1);
  EXPECT_THAT(es.output, HasSubstr("acervo: no-esta.pdf: no existe el archivo"));
  auto en = Acervo("LANG=C", "extract no-esta.pdf");
  EXPECT_EQ(en.exit_code, 1);
  EXPECT_THAT(en.output, HasSubstr("acervo: no-esta.pdf: no such file"));
  auto ingest = Acervo("LANG=es_MX.UTF-8", "ingest falta/");
  EXPECT_THAT(ingest.output, HasSubstr("falta/: no existe el archivo o la carpeta"));
}

TEST_F(I18nCliTest, LangOptionOverridesTheEnvironment) {
  EXPECT_THAT(Acervo("LANG=es_MX.UTF-8", "--lang en extract no.pdf").output,
              HasSubstr("no such file"));
  EXPECT_THAT(Acervo("LANG=C", "--lang es extract no.pdf").output,
              HasSubstr("no existe el archivo"));
  EXPECT_THAT(Acervo("LANG=C", "extract no.pdf --lang=es").output,
              HasSubstr("no existe el archivo"));
  EXPECT_THAT(Acervo("LANG=C ACERVO_LANG=es", "extract no.pdf").output,
              HasSubstr("no existe el archivo"));
  auto bad = Acervo("LANG=C", "--lang fr --help");
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
}

TEST_F(I18nCliTest, ReportWritesNumbersAndDatesTheLanguagesWay) {
  dir_.Write("informe.md", kReport);
  auto ingest = Acervo("LANG=C", "ingest informe.md --country MX");
  ASSERT_EQ(ingest.exit_code, 0) << ingest.output;

  std::string es = Out("LANG=es_MX.UTF-8", "report");
  EXPECT_THAT(es, HasSubstr("1.250.000,75"));
  EXPECT_THAT(es, HasSubstr("3 de marzo de 2024"));
  EXPECT_THAT(es, HasSubstr("Registros: 1 "));
  std::string en = Out("LANG=C", "report");
  EXPECT_THAT(en, HasSubstr("1,250,000.75"));
  EXPECT_THAT(en, HasSubstr("March 3, 2024"));

  std::string html_es = Out("LANG=es_MX.UTF-8", "report --format html");
  EXPECT_THAT(html_es, HasSubstr("<html lang=\"es\">"));
  EXPECT_THAT(html_es, HasSubstr("1.250.000,75"));
  EXPECT_THAT(html_es, HasSubstr("3 de marzo de 2024"));
  EXPECT_THAT(html_es, HasSubstr("marzo de 2024"));  // the month chart's label
  std::string html_en = Out("LANG=C", "report --format html");
  EXPECT_THAT(html_en, HasSubstr("1,250,000.75"));
  EXPECT_THAT(html_en, HasSubstr("March 2024"));
}

TEST_F(I18nCliTest, MachineReadableOutputIsTheSameInBothLanguages) {
  dir_.Write("informe.md", kReport);
  ASSERT_EQ(Acervo("LANG=C", "ingest informe.md --country MX").exit_code, 0);
  for (const char* args : {"extract informe.md --country MX", "records --format json",
                           "records --format csv", "export --format json", "export --format csv",
                           "review list --format json --status all", "plugins --json"}) {
    std::string es = Out("LANG=es_MX.UTF-8", args);
    EXPECT_FALSE(es.empty()) << args;
    EXPECT_EQ(es, Out("LANG=C", args)) << args;
  }
  // Workers work in English even under a Spanish ingest: their failure reasons are stored.
  dir_.Write("vacio.md", "");
  Acervo("LANG=es_MX.UTF-8", "ingest vacio.md");
  std::string failures = Out("LANG=es_MX.UTF-8", "failures --json");
  EXPECT_THAT(failures, HasSubstr("vacio.md: empty file"));
  EXPECT_EQ(failures, Out("LANG=C", "failures --json"));
}

}  // namespace
}  // namespace acervo
