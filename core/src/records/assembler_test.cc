#include "records/assembler.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "records/test_document.h"

namespace acervo {
namespace {

using testing_records::TestDocument;

// A cooperation table continued on the next page, its header repeated there.
constexpr char kCooperation[] =
    "## 4. COOPERACIÓN RECIBIDA\n\n"
    "CUADRO 2. RECURSOS DE COOPERACIÓN 2023\n"
    "Cifras en pesos\n"
    "SECTOR\tENTIDAD COOPERANTE / ALIADO\tVALOR APORTE COOPERANTE\tCONTRAPARTIDA\tVALOR TOTAL\n"
    "Salud\tFundación Horizonte\t$ 120.000.000,00\t$ 30.000.000,00\t$ 150.000.000,00\n"
    "Ambiente\tAgencia Francesa de Desarrollo\t$ 80.000.000,00\t$ 0,00\t$ 80.000.000,00\n"
    "\f"
    "SECTOR\tENTIDAD COOPERANTE / ALIADO\tVALOR APORTE COOPERANTE\tCONTRAPARTIDA\tVALOR TOTAL\n"
    "Educación\tUniversidad del Valle\t$ 45.500.000,50\t$ 4.500.000,00\t$ 50.000.000,50\n"
    "TOTAL GENERAL\t\t$ 245.500.000,50\t$ 34.500.000,00\t$ 280.000.000,50\n";

void AddCooperationAmounts(TestDocument* t) {
  t->Amount("$ 120.000.000,00", "120000000.00", "COP");
  t->Amount("$ 30.000.000,00", "30000000.00", "COP");
  t->Amount("$ 150.000.000,00", "150000000.00", "COP");
  t->Amount("$ 80.000.000,00", "80000000.00", "COP");
  t->Amount("$ 0,00", "0.00", "COP");
  t->Amount("$ 80.000.000,00", "80000000.00", "COP", 1);
  t->Amount("$ 45.500.000,50", "45500000.50", "COP");
  t->Amount("$ 4.500.000,00", "4500000.00", "COP");
  t->Amount("$ 50.000.000,50", "50000000.50", "COP");
  t->Amount("$ 245.500.000,50", "245500000.50", "COP");
  t->Amount("$ 34.500.000,00", "34500000.00", "COP");
  t->Amount("$ 280.000.000,50", "280000000.50", "COP");
}

TEST(AssemblerTest, TableColumnsMapToRolesAcrossAPageBreak) {
  TestDocument t(kCooperation);
  AddCooperationAmounts(&t);
  t.Add("institution", "Universidad del Valle",
        {{"name", "Universidad del Valle"}, {"acronym", nullptr}});
  std::vector<std::string> warnings;
  nlohmann::json r = t.Assemble(&warnings);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  // The row on page 2 still reads its columns from the header of page 1.
  const nlohmann::json& row = r[2];
  EXPECT_EQ(row["page_start"], 2);
  EXPECT_EQ(row["anchor"], "Universidad del Valle");
  ASSERT_EQ(row["amounts"].size(), 3u);
  EXPECT_EQ(row["amounts"][0]["role"], "aporte");
  EXPECT_EQ(row["amounts"][0]["amount"], "45500000.50");
  EXPECT_EQ(row["amounts"][1]["role"], "contrapartida");
  EXPECT_EQ(row["amounts"][2]["role"], "total");
  EXPECT_EQ(row["institutions"][0]["name"], "Universidad del Valle");
  EXPECT_EQ(row["kind"], "financiamiento");
  EXPECT_EQ(r[1]["amounts"][1]["amount"], "0.00");  // a zero counterpart is still a figure
}

TEST(AssemblerTest, AmountsInRunningTextTakeTheirRoleFromACue) {
  TestDocument t(
      "### Donación de la Embajada de Noruega, 4 de mayo\n\n"
      "La embajada entregó una donación de 50 mil dólares para huertos urbanos. "
      "El proyecto cuesta 80 mil dólares.\n");
  t.Date("4 de mayo", "2021-05-04");
  t.Amount("50 mil dólares", "50000", "USD");
  t.Amount("80 mil dólares", "80000", "USD");
  nlohmann::json r = t.Assemble();
  ASSERT_EQ(r.size(), 1u);
  ASSERT_EQ(r[0]["amounts"].size(), 2u);
  EXPECT_EQ(r[0]["amounts"][0]["role"], "aporte");
  EXPECT_TRUE(r[0]["amounts"][1]["role"].is_null());
}

TEST(AssemblerTest, IdsAreStableAndDerivedFromHashAndPosition) {
  TestDocument a(kCooperation, "sha256:abcdef0123456789ffff");
  TestDocument b(kCooperation, "sha256:abcdef0123456789ffff");
  AddCooperationAmounts(&a);
  AddCooperationAmounts(&b);
  nlohmann::json ra = a.Assemble(), rb = b.Assemble();
  ASSERT_EQ(ra.size(), rb.size());
  for (size_t i = 0; i < ra.size(); ++i) EXPECT_EQ(ra[i]["id"], rb[i]["id"]);
  EXPECT_EQ(ra[2]["id"].get<std::string>().rfind("r-abcdef012345-002-", 0), 0u);
  // Different bytes, different ids.
  TestDocument c(kCooperation, "sha256:0000000000000000ffff");
  AddCooperationAmounts(&c);
  EXPECT_NE(c.Assemble()[0]["id"], ra[0]["id"]);
  // Ids are unique within a document.
  EXPECT_NE(ra[0]["id"], ra[1]["id"]);
}

TEST(AssemblerTest, InferredGoalsOnlyWhenNoneIsExplicit) {
  TestDocument t(
      "## Taller de huertos urbanos, 8 de julio\n\nCon vecinas de Iztapalapa.\n\n"
      "## Foro por el ODS 13, 9 de julio\n\nSobre el clima.\n");
  t.Date("8 de julio", "2021-07-08");
  t.Date("9 de julio", "2021-07-09");
  t.Add("ods", "ODS 13", {{"goal", 13}, {"explicit", true}});
  int asked = 0;
  RecordInferrer infer = [&](const RecordView&) {
    ++asked;
    return std::vector<std::pair<std::string, Mention>>{
        {"es-ods@1", Mention{"ods", 0, 0, {{"goal", 2}, {"explicit", false}}, 0.6}}};
  };
  nlohmann::json r = t.Assemble(nullptr, testing_records::DefaultPipeline(), infer);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(asked, 1);
  EXPECT_EQ(r[0]["ods"], nlohmann::json::parse(R"([{"goal":2,"explicit":false}])"));
  EXPECT_EQ(r[1]["ods"], nlohmann::json::parse(R"([{"goal":13,"explicit":true}])"));
}

TEST(AssemblerTest, ReviewThresholdComesFromThePipeline) {
  TestDocument t("## Foro de Vivienda, 2 de junio\n\nSe presentaron tres proyectos.\n");
  t.Date("2 de junio", "2021-06-02");
  Pipeline strict = testing_records::DefaultPipeline();
  strict.review_threshold = 0.99;
  EXPECT_EQ(t.Assemble()[0]["status"], "auto");
  EXPECT_EQ(t.Assemble(nullptr, strict)[0]["status"], "needs_review");
}

TEST(AssemblerTest, AMissingLexiconIsReportedNotIgnored) {
  TestDocument t("## Foro de Vivienda, 2 de junio\n\nSe presentaron tres proyectos.\n");
  t.Date("2 de junio", "2021-06-02");
  Pipeline broken = testing_records::DefaultPipeline();
  broken.records["kinds"] = "lexicons/no-such-file.tsv";
  std::vector<std::string> warnings;
  nlohmann::json r = t.Assemble(&warnings, broken);
  ASSERT_FALSE(warnings.empty());
  EXPECT_NE(warnings[0].find("no-such-file"), std::string::npos);
  EXPECT_EQ(r.size(), 1u);  // records still come out, with default rules
}

// A budget statement split by a heading inside it: the rows under the heading have no header
// of their own (the text loader takes their first row for one) and are still the statement.
TEST(AssemblerTest, ATableSplitByAHeadingKeepsTheKindOfTheTableItContinues) {
  TestDocument t(
      "ESTADO DE EJECUCIÓN PRESUPUESTARIA 2024\n"
      "Código\tPrograma\tPresupuesto vigente\tDevengado\n"
      "11.01.00\tAdministración municipal\t$ 2.000.000,00\t$ 1.500.000,00\n"
      "11.02.00\tRecursos humanos\t$ 3.000.000,00\t$ 2.500.000,00\n"
      "\n### Área 12 – Servicios comunitarios\n\n"
      "12.01.00\tRecolección de residuos\t$ 5.000.000,00\t$ 4.000.000,00\n"
      "12.02.00\tÁreas verdes\t$ 6.000.000,00\t$ 5.500.000,00\n"
      "12.03.00\tAlumbrado público\t$ 7.000.000,00\t$ 6.500.000,00\n");
  for (const char* a :
       {"$ 2.000.000,00", "$ 1.500.000,00", "$ 3.000.000,00", "$ 2.500.000,00", "$ 5.000.000,00",
        "$ 4.000.000,00", "$ 6.000.000,00", "$ 5.500.000,00", "$ 7.000.000,00", "$ 6.500.000,00"}) {
    std::string value(a + 2);
    value.erase(std::remove(value.begin(), value.end(), '.'), value.end());
    std::replace(value.begin(), value.end(), ',', '.');
    t.Amount(a, value, "CLP");
  }
  nlohmann::json records = t.Assemble();
  EXPECT_TRUE(records.empty()) << records.dump(2);
}

void AddPesos(TestDocument* t, std::initializer_list<const char*> amounts) {
  for (const char* a : amounts) {
    std::string value(a + 2);
    value.erase(std::remove(value.begin(), value.end(), '.'), value.end());
    std::replace(value.begin(), value.end(), ',', '.');
    t->Amount(a, value, "ARS");
  }
}

// A scanned statement whose layout left the row of budget stages at the end of the table
// above and cut the figures below from it by a group line: the document is a statement, and
// its tables add money up wherever their header ended.
TEST(AssemblerTest, AStatementsTablesAreAggregatesWhereverTheRowOfStagesEnded) {
  TestDocument t(
      "SITUACIÓN ECONÓMICO-FINANCIERA\tEjercicio: 2023\n"
      "Evolución de los recursos\tVigente\tDevengado\tPercibido\n"
      "\n1. Presupuestarios\n\n"
      "Ingresos corrientes\t$ 1.000,00\t$ 900,00\t$ 800,00\n"
      "Recursos de capital\t$ 500,00\t$ 400,00\t$ 300,00\n"
      "Fuentes financieras\t$ 200,00\t$ 100,00\t$ 50,00\n");
  AddPesos(&t, {"$ 1.000,00", "$ 900,00", "$ 800,00", "$ 500,00", "$ 400,00", "$ 300,00",
                "$ 200,00", "$ 100,00", "$ 50,00"});
  nlohmann::json records = t.Assemble();
  EXPECT_TRUE(records.empty()) << records.dump(2);
}

// One stage word in a row is a status, not a statement: a cooperation table whose rows say
// an agreement is `Vigente` still lists activities.
TEST(AssemblerTest, AStatusColumnSayingVigenteIsNotAStatement) {
  TestDocument t(
      "Aliado\tProyecto\tAporte\tEstado\n"
      "Fundación Horizonte\tHuertas urbanas\t$ 1.000,00\tVigente\n"
      "Agencia Francesa de Desarrollo\tAgua potable\t$ 2.000,00\tVigente\n"
      "Universidad del Valle\tBecas\t$ 3.000,00\tVigente\n");
  AddPesos(&t, {"$ 1.000,00", "$ 2.000,00", "$ 3.000,00"});
  EXPECT_EQ(t.Assemble().size(), 3u);
}

}  // namespace
}  // namespace acervo
