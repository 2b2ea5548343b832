#include "es_amount.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "acervo/testing.h"

namespace acervo::amount {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// One mention as "text = amount CUR", "~" before the amount when approximate, "null" when
// no currency: compact enough to read a whole expectation at a glance.
std::string Show(std::string_view text, const Mention& m) {
  std::string s(text.substr(m.begin, m.end - m.begin));
  s += " = ";
  if (m.value["approximate"].get<bool>()) s += "~";
  s += m.value["amount"].get<std::string>();
  s += " ";
  s += m.value["currency"].is_null() ? "null" : m.value["currency"].get<std::string>();
  return s;
}

class EsAmountTest : public ::testing::Test {
 protected:
  EsAmountTest() : h_(std::make_unique<AmountExtractor>(), ACERVO_PLUGIN_SOURCE_DATA_DIR) {}

  std::vector<std::string> Find(std::string_view text, std::string country = "MX") {
    DocumentContext doc;
    doc.country = country;
    std::vector<std::string> out;
    for (const Mention& m : h_.Extract(text, doc)) out.push_back(Show(text, m));
    return out;
  }

  // Runs passages as one document; returns every mention of every passage.
  std::vector<std::string> FindIn(const std::vector<testing::Passage>& passages,
                                  std::string country = "CO") {
    DocumentContext doc;
    doc.country = country;
    std::vector<std::string> out;
    auto all = h_.ExtractSegments(passages, doc);
    for (size_t i = 0; i < passages.size(); ++i) {
      for (const Mention& m : all[i]) out.push_back(Show(passages[i].text, m));
    }
    return out;
  }

  testing::Harness h_;
};

TEST_F(EsAmountTest, DescribesItself) {
  PluginInfo info = h_.extractor().Info();
  EXPECT_EQ(info.name, "es-amount");
  ASSERT_EQ(info.mention_types.size(), 1u);
  EXPECT_EQ(info.mention_types[0].name, "amount");
  EXPECT_EQ(info.mention_types[0].record_field, "amounts");
}

TEST_F(EsAmountTest, FiguresInBothConventions) {
  EXPECT_THAT(Find("El convenio asciende a $ 2.690.952.000,00 para la obra.", "CO"),
              ElementsAre("$ 2.690.952.000,00 = 2690952000.00 COP"));
  EXPECT_THAT(Find("El convenio asciende a $2,690,952,000.00 para la obra.", "MX"),
              ElementsAre("$2,690,952,000.00 = 2690952000.00 MXN"));
  EXPECT_THAT(Find("Se pagaron USD 20,000 por la consultoría."),
              ElementsAre("USD 20,000 = 20000 USD"));
  EXPECT_THAT(Find("Un aporte de COP 1.500.000 y otro de MXN 3,200.50."),
              ElementsAre("COP 1.500.000 = 1500000 COP", "MXN 3,200.50 = 3200.50 MXN"));
  EXPECT_THAT(Find("La entrada cuesta 25 € o € 30,50 en taquilla."),
              ElementsAre("25 € = 25 EUR", "€ 30,50 = 30.50 EUR"));
  EXPECT_THAT(Find("El fondo europeo aportó 300.000 EUR al programa."),
              ElementsAre("300.000 EUR = 300000 EUR"));
}

TEST_F(EsAmountTest, EscapedDollarFromConvertedText) {
  EXPECT_THAT(Find("Saldo pendiente: \\$ 0,00 al cierre.", "CO"),
              ElementsAre("\\$ 0,00 = 0.00 COP"));
  EXPECT_THAT(Find("con un costo de \\$34.055 millones de pesos anuales"),
              ElementsAre("\\$34.055 millones de pesos = 34055000000 MXN"));
}

TEST_F(EsAmountTest, NeverOffByAThousand) {
  // Three digits after a single separator group thousands in either convention.
  EXPECT_THAT(Find("Costó $1.500 en Bogotá.", "CO"), ElementsAre("$1.500 = 1500 COP"));
  EXPECT_THAT(Find("Costó $1,500 en la capital.", "MX"), ElementsAre("$1,500 = 1500 MXN"));
  EXPECT_THAT(Find("Se invirtieron US$ 1.5 millones en la planta."),
              ElementsAre("US$ 1.5 millones = 1500000 USD"));
  EXPECT_THAT(Find("Se invirtieron $ 48,2 millones en la planta.", "CO"),
              ElementsAre("$ 48,2 millones = 48200000 COP"));
}

TEST_F(EsAmountTest, WordsAndMixedForms) {
  EXPECT_THAT(Find("el donativo de 100 mil euros servirá para dos plantas"),
              ElementsAre("100 mil euros = 100000 EUR"));
  EXPECT_THAT(Find("un apoyo de 20 mil dólares estadounidenses de la fundación"),
              ElementsAre("20 mil dólares estadounidenses = 20000 USD"));
  EXPECT_THAT(Find("La Unión Europea aportará 2 millones de euros."),
              ElementsAre("2 millones de euros = 2000000 EUR"));
  EXPECT_THAT(Find("prometió un millón de dólares a la ciudad"),
              ElementsAre("un millón de dólares = 1000000 USD"));
  EXPECT_THAT(Find("un presupuesto de 22 mil 312 millones de pesos para 2021"),
              ElementsAre("22 mil 312 millones de pesos = 22312000000 MXN"));
  EXPECT_THAT(Find("un fondo de 1 millón 200 mil dólares"),
              ElementsAre("1 millón 200 mil dólares = 1200000 USD"));
  EXPECT_THAT(Find("un crédito de 9007199254740993 billones de pesos", "CO"),
              ElementsAre("9007199254740993 billones de pesos = 9007199254740993000000000000 COP"));
  EXPECT_THAT(Find("una inversión de 170 mil millones de pesos en movilidad"),
              ElementsAre("170 mil millones de pesos = 170000000000 MXN"));
  EXPECT_THAT(Find("la campaña recibió 30 millones de pesos mexicanos", "CO"),
              ElementsAre("30 millones de pesos mexicanos = 30000000 MXN"));
  EXPECT_THAT(Find("se destinó medio millón de pesos a la feria"),
              ElementsAre("medio millón de pesos = 500000 MXN"));
  EXPECT_THAT(Find("se destinó un millón y medio de dólares a la feria"),
              ElementsAre("un millón y medio de dólares = 1500000 USD"));
  EXPECT_THAT(Find("una deuda de dos billones de pesos", "CO"),
              ElementsAre("dos billones de pesos = 2000000000000 COP"));
  EXPECT_THAT(Find("costó doscientos cincuenta mil pesos"),
              ElementsAre("doscientos cincuenta mil pesos = 250000 MXN"));
  EXPECT_THAT(Find("solo cuesta trece euros y cuarenta y cinco céntimos."),
              ElementsAre("trece euros y cuarenta y cinco céntimos = 13.45 EUR"));
  EXPECT_THAT(Find("solo cuesta 15 dólares con 50."), ElementsAre("15 dólares con 50 = 15.50 USD"));
  EXPECT_THAT(Find("solo cuesta 15 USD 50, sin propina."), ElementsAre("15 USD 50 = 15.50 USD"));
  EXPECT_THAT(Find("pagó 20 dólares 50 veces"), ElementsAre("20 dólares = 20 USD"));
  EXPECT_THAT(Find("Pagaron 75 USD millones por la empresa."),
              ElementsAre("75 USD millones = 75000000 USD"));
  EXPECT_THAT(Find("una bolsa de 34.5 mdp y otra de 2 MDD"),
              ElementsAre("34.5 mdp = 34500000 MXN", "2 MDD = 2000000 USD"));
  EXPECT_THAT(Find("una bolsa de US $ 500 para becas"), ElementsAre("US $ 500 = 500 USD"));
  EXPECT_THAT(Find("El bono vale $ un mil millones.", "US"),
              ElementsAre("$ un mil millones = 1000000000 USD"));
}

TEST_F(EsAmountTest, Approximation) {
  EXPECT_THAT(Find("recibió un poco más de 30 millones de pesos mexicanos para"),
              ElementsAre("un poco más de 30 millones de pesos mexicanos = ~30000000 MXN"));
  EXPECT_THAT(Find("cerca de 5 mil dólares"), ElementsAre("cerca de 5 mil dólares = ~5000 USD"));
  EXPECT_THAT(Find("más de 2 millones de euros"),
              ElementsAre("más de 2 millones de euros = ~2000000 EUR"));
  EXPECT_THAT(Find("alrededor de $ 300.000", "CO"),
              ElementsAre("alrededor de $ 300.000 = ~300000 COP"));
  EXPECT_THAT(Find("aproximadamente 40 mil pesos"),
              ElementsAre("aproximadamente 40 mil pesos = ~40000 MXN"));
  EXPECT_THAT(Find("costó 40 mil pesos aproximadamente."),
              ElementsAre("40 mil pesos aproximadamente = ~40000 MXN"));
  EXPECT_THAT(Find("Demasiado: 40 mil pesos."), ElementsAre("40 mil pesos = 40000 MXN"));
}

TEST_F(EsAmountTest, RangesShareScaleAndCurrency) {
  EXPECT_THAT(Find("un costo de entre 5 y 10 millones de pesos"),
              ElementsAre("5 = 5000000 MXN", "10 millones de pesos = 10000000 MXN"));
  EXPECT_THAT(Find("becas de 500 a 1.200 dólares"),
              ElementsAre("500 = 500 USD", "1.200 dólares = 1200 USD"));
  EXPECT_THAT(Find("entre 5 y 10 mdp"), ElementsAre("5 = 5000000 MXN", "10 mdp = 10000000 MXN"));
  EXPECT_THAT(Find("5 proyectos y 10 millones de pesos"),
              ElementsAre("10 millones de pesos = 10000000 MXN"));
}

TEST_F(EsAmountTest, CurrencyResolution) {
  // A bare "$" or "pesos" takes the document's country; null where nothing settles it.
  EXPECT_THAT(Find("un pago de $ 500", "MX"), ElementsAre("$ 500 = 500 MXN"));
  EXPECT_THAT(Find("un pago de $ 500", "CO"), ElementsAre("$ 500 = 500 COP"));
  EXPECT_THAT(Find("un pago de $ 500", ""), ElementsAre("$ 500 = 500 null"));
  EXPECT_THAT(Find("un pago de 500 pesos", ""), ElementsAre("500 pesos = 500 null"));
  // Explicit words and symbols win over the country.
  EXPECT_THAT(Find("un pago de $ 500 dólares", "MX"), ElementsAre("$ 500 dólares = 500 USD"));
  EXPECT_THAT(Find("un pago de US$ 500", "CO"), ElementsAre("US$ 500 = 500 USD"));
  EXPECT_THAT(Find("30 millones de pesos colombianos", "MX"),
              ElementsAre("30 millones de pesos colombianos = 30000000 COP"));
  EXPECT_THAT(Find("$ 500 M.N.", ""), ElementsAre("$ 500 M.N. = 500 MXN"));
}

TEST_F(EsAmountTest, ConfidenceFollowsWhereTheCurrencyCameFrom) {
  DocumentContext mx;
  mx.country = "MX";
  auto explicit_usd = h_.Extract("1 millón de dólares", mx);
  auto country = h_.Extract("1 millón de pesos", mx);
  auto unknown = h_.Extract("1 millón de pesos", {});
  ASSERT_EQ(explicit_usd.size(), 1u);
  ASSERT_EQ(country.size(), 1u);
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_GT(explicit_usd[0].confidence, country[0].confidence);
  EXPECT_GT(country[0].confidence, unknown[0].confidence);
}

TEST_F(EsAmountTest, NotAmounts) {
  EXPECT_THAT(Find("se entregaron 61 mil 500 guantes y 2 mil 400 caretas"), IsEmpty());
  EXPECT_THAT(Find("una metrópoli de 22 millones de habitantes"), IsEmpty());
  EXPECT_THAT(Find("recibe 30 millones de turistas al año"), IsEmpty());
  EXPECT_THAT(Find("bajar 30 por ciento las emisiones y 15 % el ruido"), IsEmpty());
  EXPECT_THAT(Find("hubo más de 15 mil interacciones y 163 mil visitas en redes"), IsEmpty());
  EXPECT_THAT(Find("el Acuerdo 147 de 2005, página 12, oficio SRE-2020/1.2.3"), IsEmpty());
  EXPECT_THAT(Find("durante 2019-2024 en 16 alcaldías"), IsEmpty());
  EXPECT_THAT(Find("pesos y dólares son monedas; el euro también"), IsEmpty());
  EXPECT_THAT(Find("los pesos 2020 del informe"), IsEmpty());
  EXPECT_THAT(Find("Participaron 48 ponentes de 12 países"), IsEmpty());
  EXPECT_THAT(Find("rumbo a la COP 26 y la COP 16 de biodiversidad", "CO"), IsEmpty());
}

TEST_F(EsAmountTest, SpansMapToTheOriginalText) {
  std::string text = "ÁREA: Se otorgó US$ 1.5 MILLONES a la ciudad.";
  auto ms = h_.Extract(text, {});
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(text.substr(ms[0].begin, ms[0].end - ms[0].begin), "US$ 1.5 MILLONES");
  EXPECT_EQ(ms[0].value["amount"], "1500000");
}

testing::Passage Row(std::string text, std::vector<std::string> caption,
                     std::vector<std::string> header) {
  testing::Passage p;
  p.text = std::move(text);
  p.kind = SegmentKind::kTableRow;
  p.table_caption = std::move(caption);
  p.table_header = std::move(header);
  return p;
}

TEST_F(EsAmountTest, ColombianCooperationTable) {
  std::vector<std::string> caption = {"CUADRO 4. Recursos de cooperación gestionados 2022"};
  std::vector<std::string> header = {
      "No.", "ALIADO", "PROYECTO", "VALOR APORTE ALIADO", "VALOR CONTRAPARTIDA", "VALOR TOTAL"};
  auto found = FindIn({
      Row("1\tAgencia Francesa de Desarrollo\tMovilidad limpia\t$ 2.690.952.000,00\t"
          "$ 500.000.000,00\t$ 3.190.952.000,00",
          caption, header),
      Row("2\tEmbajada de Suecia\tBarrios seguros\t$ 120.000.000,00\t$ 0,00\t$ 120.000.000,00",
          caption, header),
      Row("TOTAL\t\t\t$ 2.810.952.000,00\t$ 500.000.000,00\t$ 3.310.952.000,00", caption, header),
  });
  EXPECT_THAT(
      found,
      ElementsAre("$ 2.690.952.000,00 = 2690952000.00 COP", "$ 500.000.000,00 = 500000000.00 COP",
                  "$ 3.190.952.000,00 = 3190952000.00 COP", "$ 120.000.000,00 = 120000000.00 COP",
                  "$ 0,00 = 0.00 COP", "$ 120.000.000,00 = 120000000.00 COP",
                  "$ 2.810.952.000,00 = 2810952000.00 COP", "$ 500.000.000,00 = 500000000.00 COP",
                  "$ 3.310.952.000,00 = 3310952000.00 COP"));
}

TEST_F(EsAmountTest, MoneyColumnsWithoutSymbols) {
  std::vector<std::string> header = {"No.", "Aliado", "Beneficiarios", "Valor aporte aliado",
                                     "Año"};
  auto found = FindIn({Row("7\tFundación Ejemplo\t1.250\t45.000.000\t2021", {}, header)});
  EXPECT_THAT(found, ElementsAre("45.000.000 = 45000000 COP"));
}

TEST_F(EsAmountTest, CaptionScalesEveryAmountCell) {
  std::vector<std::string> caption = {"Cuadro 2. Inversión por sector",
                                      "Cifras en millones de pesos"};
  std::vector<std::string> header = {"Sector", "2020", "2021", "Variación %"};
  auto found = FindIn({
      Row("Movilidad\t34.055\t1.250,5\t12,3", caption, header),
      Row("Total\t$ 40.000\t$ 0\t", caption, header),
  });
  EXPECT_THAT(found, ElementsAre("34.055 = 34055000000 COP", "1.250,5 = 1250500000 COP",
                                 "$ 40.000 = 40000000000 COP", "$ 0 = 0 COP"));
}

TEST_F(EsAmountTest, HeaderNamesScaleAndCurrency) {
  std::vector<std::string> header = {"Donante", "Monto (miles de USD)", "Personas atendidas"};
  auto found = FindIn({Row("Banco Mundial\t1.500\t3.200", {}, header)}, "MX");
  EXPECT_THAT(found, ElementsAre("1.500 = 1500000 USD"));
}

TEST_F(EsAmountTest, NeutralColumnsBesideAMoneyColumnAreNotMoney) {
  std::vector<std::string> caption = {"Cuadro 5. Aportes recibidos (miles de USD)"};
  std::vector<std::string> header = {"Donante", "Monto", "Proyectos"};
  auto found = FindIn({Row("CAF\t480.5\t2", caption, header)}, "MX");
  EXPECT_THAT(found, ElementsAre("480.5 = 480500 USD"));
  // The caption line itself states units, not an amount.
  EXPECT_THAT(Find("Cuadro 5. Aportes recibidos (miles de USD)"), IsEmpty());
  EXPECT_THAT(Find("Cifras en millones de pesos"), IsEmpty());
}

TEST_F(EsAmountTest, UnitsLineBeforeTheTable) {
  testing::Passage units;
  units.text = "(Cifras en millones de pesos)";
  testing::Passage after;
  after.text = "Fuente: Secretaría de Hacienda, 2021.";
  auto found = FindIn({units, Row("Salud\t2.500", {}, {"Rubro", "Presupuesto"}), after,
                       Row("Salud\t2.500", {}, {"Rubro", "Presupuesto"})});
  EXPECT_THAT(found, ElementsAre("2.500 = 2500000000 COP", "2.500 = 2500 COP"));

  // Prose between the units line and a table: the units were not the table's.
  testing::Passage prose;
  prose.text = "El rubro de salud creció frente al año anterior por la ampliación de cobertura.";
  testing::Passage caption;
  caption.text = "Cuadro 7. Presupuesto por rubro";
  caption.kind = SegmentKind::kCaption;
  EXPECT_THAT(FindIn({units, prose, Row("Salud\t2.500", {}, {"Rubro", "Presupuesto"})}),
              ElementsAre("2.500 = 2500 COP"));
  EXPECT_THAT(FindIn({units, caption, Row("Salud\t2.500", {}, {"Rubro", "Presupuesto"})}),
              ElementsAre("2.500 = 2500000000 COP"));
}

TEST_F(EsAmountTest, CountTablesAreNotMoney) {
  std::vector<std::string> header = {"Alcaldía", "Casos atendidos", "Porcentaje"};
  auto found =
      FindIn({Row("Iztapalapa\t1.234\t15%", {"Cuadro 3. Casos por alcaldía"}, header)}, "MX");
  EXPECT_THAT(found, IsEmpty());
}

TEST_F(EsAmountTest, BudgetExecutionColumnsWithoutCurrencyMarks) {
  std::vector<std::string> caption = {"Cifras en pesos chilenos"};
  std::vector<std::string> header = {"Código",         "Programa",  "Presupuesto inicial",
                                     "Modificaciones", "Devengado", "Saldo",
                                     "% Ejec."};
  auto found = FindIn({Row("12.03.00\tAlumbrado público\t5.283.000.000,00\t-1.250.000,50\t"
                           "4.336.823.509,00\t(944.926.490,50)\t82,10",
                           caption, header)},
                      "CL");
  EXPECT_THAT(
      found,
      ElementsAre("5.283.000.000,00 = 5283000000.00 CLP", "-1.250.000,50 = -1250000.50 CLP",
                  "4.336.823.509,00 = 4336823509.00 CLP", "(944.926.490,50) = -944926490.50 CLP"));
}

TEST_F(EsAmountTest, AccountingColumnsTakeTheCountryCurrency) {
  std::vector<std::string> header = {"Cuenta", "Debe", "Haber", "Saldo"};
  auto found = FindIn({Row("1110\t1.128.489,30\t0,00\t(82.140,14)", {}, header)}, "AR");
  EXPECT_THAT(found, ElementsAre("1.128.489,30 = 1128489.30 ARS", "0,00 = 0.00 ARS",
                                 "(82.140,14) = -82140.14 ARS"));
  // Columns headed by neither money nor counts: a figure written as money is money.
  found = FindIn({Row("Transferencias\t73.384.256,39\t98,5\t2023", {},
                      {"Objeto", "Ejecución", "Avance", "Año"})},
                 "PE");
  EXPECT_THAT(found, ElementsAre("73.384.256,39 = 73384256.39 PEN"));
}

TEST_F(EsAmountTest, TotalHeadsMoneyInMoneyTablesOnly) {
  std::vector<std::string> header = {"Zona", "Total beneficiarios", "Total"};
  auto found = FindIn({Row("Norte\t1.250\t3.400", {"Cifras en pesos"}, header)}, "UY");
  EXPECT_THAT(found, ElementsAre("3.400 = 3400 UYU"));
  // "Total" alone heads money in a money table only: persons in a table of cases.
  found = FindIn({Row("Norte\t1.250\t3.400", {"Cuadro 2. Casos por zona"}, header)}, "UY");
  EXPECT_THAT(found, IsEmpty());
  found = FindIn({Row("Norte\t45,5\t80", {}, {"Zona", "Presupuesto ejecutado (%)", "Meta"})});
  EXPECT_THAT(found, IsEmpty());
}

TEST_F(EsAmountTest, RowsOfFiguresTakenForAHeaderKeepTheTablesColumns) {
  // A loader that splits a table at a section row hands on a row of figures as header.
  std::vector<std::string> header = {"Código", "Programa", "Devengado", "% Ejec."};
  std::vector<std::string> data = {"12.01.00", "Residuos", "4.966.321.174,00", "92,3"};
  testing::Passage header_row = Row("Código\tPrograma\tDevengado\t% Ejec.", {}, {});
  testing::Passage data_as_header = Row("12.01.00\tResiduos\t4.966.321.174,00\t92,3", {}, {});
  header_row.is_header_row = data_as_header.is_header_row = true;
  auto found =
      FindIn({header_row, Row("11.01.00\tGestión\t2.770.702.994,00\t98,0", {}, header),
              data_as_header, Row("12.02.00\tÁreas verdes\t5.739.574.965,00\t96,1", {}, data)},
             "CL");
  EXPECT_THAT(found, ElementsAre("2.770.702.994,00 = 2770702994.00 CLP",
                                 "4.966.321.174,00 = 4966321174.00 CLP",
                                 "5.739.574.965,00 = 5739574965.00 CLP"));
}

TEST_F(EsAmountTest, CellsAPdfReaderRanTogether) {
  std::vector<std::string> header = {"Área", "Inicial", "Modificaciones", "Vigente", "Devengado"};
  auto found = FindIn({Row("Cultura\t1.883.500.000,00 (52.720.000,50)\t1.830.779.999,50 "
                           "1.662.782.997,00",
                           {"Cifras en pesos chilenos"}, header)},
                      "CL");
  EXPECT_THAT(
      found,
      ElementsAre("1.883.500.000,00 = 1883500000.00 CLP", "(52.720.000,50) = -52720000.50 CLP",
                  "1.830.779.999,50 = 1830779999.50 CLP", "1.662.782.997,00 = 1662782997.00 CLP"));
  // A row with cells run together has loose columns: a code or a percentage that lands
  // under a money header is still no amount.
  std::vector<std::string> wide = {"Código",    "Programa", "Crédito",
                                   "Devengado", "Saldo",    "% Ejec."};
  EXPECT_THAT(FindIn({Row("1110101000\tConducción\t152.400,00 98.250,50\t91,1", {}, wide)}, "AR"),
              ElementsAre("152.400,00 = 152400.00 ARS", "98.250,50 = 98250.50 ARS"));
  // OCR runs words into such cells too: figures written as money still count there.
  EXPECT_THAT(
      FindIn({Row("1110102000\tAdministración 98.750.500,00 -4.200.000,00\t91,1", {}, wide)}, "AR"),
      ElementsAre("98.750.500,00 = 98750500.00 ARS", "-4.200.000,00 = -4200000.00 ARS"));
  // Figures beside words are no run-together cells.
  EXPECT_THAT(FindIn({Row("Cultura\tsegún acta 12 del 1.883.500,00 y 3", {}, header)}, "CL"),
              IsEmpty());
}

TEST_F(EsAmountTest, SpaceGroupedThousands) {
  EXPECT_THAT(Find("un fondo de S/ 18 744 600 y 450 000 euros", "PE"),
              ElementsAre("S/ 18 744 600 = 18744600 PEN", "450 000 euros = 450000 EUR"));
  EXPECT_THAT(Find("recibió 1 250 000,50 soles en 2023 100 días después", "PE"),
              ElementsAre("1 250 000,50 soles = 1250000.50 PEN"));
  // A name that is also a word: "un peso creciente" is weight.
  EXPECT_THAT(Find("tuvo un peso creciente y costó 3 pesos", "AR"), ElementsAre("3 pesos = 3 ARS"));
}

TEST_F(EsAmountTest, SignedAmountsInText) {
  EXPECT_THAT(Find("una modificación de -$ 1.250.000,50 al crédito", "AR"),
              ElementsAre("-$ 1.250.000,50 = -1250000.50 ARS"));
  EXPECT_THAT(Find("una variación de $ -500 en el saldo", "AR"), ElementsAre("$ -500 = -500 ARS"));
  // A dash after a word or figure is no sign; nor is a bullet's.
  EXPECT_THAT(Find("de 500-1.200 dólares"),
              ElementsAre("500 = 500 USD", "1.200 dólares = 1200 USD"));
  EXPECT_THAT(Find("- $ 300 para materiales"), ElementsAre("$ 300 = 300 MXN"));
}

TEST_F(EsAmountTest, SmallThingsOfThePublicSuites) {
  EXPECT_THAT(Find("costó EUR 20 y luego USD1,23 o GBP 3,01"),
              ElementsAre("EUR 20 = 20 EUR", "USD1,23 = 1.23 USD", "GBP 3,01 = 3.01 GBP"));
  EXPECT_THAT(Find("recaudó $10k y 5K euros"),
              ElementsAre("$10k = 10000 MXN", "5K euros = 5000 EUR"));
  EXPECT_THAT(Find("vale 20 pounds o 300 ptas"),
              ElementsAre("20 pounds = 20 GBP", "300 ptas = 300 ESP"));
  EXPECT_THAT(Find("la COP 26 en Glasgow"), IsEmpty());
}

TEST_F(EsAmountTest, CurrencyOfEverySpanishSpeakingCountry) {
  for (auto [country, iso] : std::vector<std::pair<std::string, std::string>>{{"AR", "ARS"},
                                                                              {"CL", "CLP"},
                                                                              {"PE", "PEN"},
                                                                              {"UY", "UYU"},
                                                                              {"EC", "USD"},
                                                                              {"BO", "BOB"},
                                                                              {"PY", "PYG"},
                                                                              {"ES", "EUR"},
                                                                              {"GT", "GTQ"},
                                                                              {"VE", "VES"}}) {
    EXPECT_THAT(FindIn({Row("Obras\t1.500,00", {}, {"Rubro", "Importe"})}, country),
                ElementsAre("1.500,00 = 1500.00 " + iso))
        << country;
  }
}

}  // namespace
}  // namespace acervo::amount
