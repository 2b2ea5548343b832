#include "records/clauses.h"

#include <gtest/gtest.h>

#include "records/legal_act.h"

namespace acervo {
namespace {

const Lexicon& Verbs() {
  static const Lexicon kVerbs = Lexicon::FromText(
      "acuerdo\tfirmó\nacuerdo\tfirmaron\nacuerdo\tse adhirió\nreunion\tsostuvo\n"
      "reunion\tvisitó\nevento\tparticipó\nfinanciamiento\tdonó\ngenerico\tse realizó\n"
      "disposicion\tautorízase\n");
  return kVerbs;
}
const Lexicon& Kinds() {
  static const Lexicon kKinds =
      Lexicon::FromText("capacitacion\ttaller\nacuerdo\tconvenio\nreunion\tdebate\n");
  return kKinds;
}
const Lexicon& Plans() {
  static const Lexicon kPlans = Lexicon::FromText(
      "tiene como objetivo\nbusca\nse prevé\nrecital\tque\n"
      "presentation\tel presente informe\npresentation\tel cuadro siguiente\n");
  return kPlans;
}

std::vector<std::string> Spans(std::string_view text, std::vector<size_t> dates = {}) {
  std::vector<std::string> out;
  for (const ActivityClause& c : FindActivityClauses(text, dates, {Verbs(), Plans(), Kinds()})) {
    out.emplace_back(text.substr(c.begin, c.end - c.begin));
  }
  return out;
}

TEST(ActivityClausesTest, OneRecordPerReportedActivity) {
  std::string_view text =
      "En abril la alcaldesa sostuvo una reunión con la red de ciudades del litoral; en el "
      "mismo viaje la ciudad se adhirió a la alianza regional y participó en el taller de "
      "movilidad. Ambas partes revisaron la agenda común.";
  EXPECT_EQ(Spans(text),
            (std::vector<std::string>{
                "En abril la alcaldesa sostuvo una reunión con la red de ciudades del litoral",
                "en el mismo viaje la ciudad se adhirió a la alianza regional",
                "participó en el taller de movilidad. Ambas partes revisaron la agenda común."}));
}

TEST(ActivityClausesTest, TheReportPresentingWhatItHoldsReportsNothing) {
  EXPECT_TRUE(
      Spans("El presente informe da cuenta de los convenios que la ciudad firmó en 2023.").empty());
  EXPECT_TRUE(
      Spans("Las secretarías firmaron los convenios que relaciona el cuadro siguiente.").empty());
  // A dated activity in the first sentence is told, not presented.
  std::string_view dated =
      "El 4 de mayo la ciudad firmó el convenio que presenta el cuadro siguiente.";
  EXPECT_EQ(Spans(dated, {3}).size(), 1u);
}

TEST(ActivityClausesTest, SameActivityInTwoVerbsStaysOne) {
  std::string_view text =
      "Una misión de la provincia visitó el puerto y sostuvo mesas de trabajo con la "
      "autoridad portuaria.";
  EXPECT_EQ(Spans(text).size(), 1u);
}

TEST(ActivityClausesTest, PlansAndSentencesWithoutActivityAreNotRecords) {
  EXPECT_TRUE(Spans("La oficina tiene como objetivo que la ciudad firmó convenios.").empty());
  EXPECT_TRUE(Spans("La red agrupa a 300 ciudades de la región andina.").empty());
  std::vector<std::string> spans =
      Spans("El año fue intenso para la oficina. El 4 de mayo el Dr. Ruiz firmó el convenio.");
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0], "El 4 de mayo el Dr. Ruiz firmó el convenio.");
}

TEST(ActivityClausesTest, GenericVerbsNeedAnActivityNoun) {
  EXPECT_TRUE(Spans("El 3 de mayo se realizó la actualización del portal.").empty());
  std::vector<ActivityClause> c = FindActivityClauses(
      "El 3 de mayo se realizó un taller de archivos.", {}, {Verbs(), Plans(), Kinds()});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "capacitacion");
}

TEST(ActivityClausesTest, DatedActivitiesListedAfterAColonAreOneEach) {
  std::string_view text =
      "Fue aprobado en dos debates, así: primer debate en la Comisión, el 20 de mayo, y "
      "segundo debate en la plenaria, el 27 de mayo.";
  size_t first = text.find("20 de mayo"), second = text.find("27 de mayo");
  EXPECT_EQ(Spans(text, {first, second}),
            (std::vector<std::string>{"primer debate en la Comisión, el 20 de mayo",
                                      "segundo debate en la plenaria, el 27 de mayo."}));
  // Undated items are a description, not a list of activities.
  EXPECT_TRUE(
      Spans("Lo integran dos órganos: el debate en la Comisión, y el debate final.").empty());
}

TEST(ActivityClausesTest, AnActsOperativeVerbReportsFinancingOnlyWithASum) {
  std::string_view with_sum = "Autorízase al alcalde a contratar un crédito por $ 9.000.000.";
  std::vector<ActivityClause> c =
      FindActivityClauses(with_sum, {}, {Verbs(), Plans(), Kinds()}, {with_sum.find('$')});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "financiamiento");
  EXPECT_TRUE(Spans("Autorízase al alcalde a suscribir un convenio con la gobernación.").empty());
}

TEST(ActivityClausesTest, AnAccentElsewhereMarksAnotherWord) {
  const Lexicon verbs = Lexicon::FromText("generico\tpublicó\ndisposicion\tautorízase\n");
  auto count = [&](std::string_view text) {
    return FindActivityClauses(text, {}, {verbs, Plans(), Kinds()}, {text.find('$')}).size();
  };
  EXPECT_EQ(count("Los contratos de crédito público firmados por el taller de la ciudad."), 0u);
  EXPECT_EQ(count("La ciudad publicó el convenio con la red."), 1u);
  EXPECT_EQ(count("La ciudad publico el convenio con la red."), 1u);  // written without accents
  EXPECT_EQ(count("Autorízase al alcalde a contratar un crédito por $ 9.000.000."), 1u);
}

TEST(ActivityClausesTest, APastTenseTellsADescriptionInThePresentDoesNot) {
  EXPECT_TRUE(TellsPast("La fundación ofreció otorgar un financiamiento."));
  EXPECT_TRUE(TellsPast("Los titulares hicieron entrega formal del informe."));
  EXPECT_TRUE(TellsPast("La misión estuvo en la ciudad y la ciudad ha firmado el acta."));
  EXPECT_FALSE(TellsPast("Los socios principales son el PNUD y la cooperación alemana."));
  EXPECT_FALSE(TellsPast("La Secretaría General ofrece el marco regional de integración."));
}

TEST(ActivityClausesTest, ADeliveryIsAnActivityWithANounOrASum) {
  const Lexicon verbs = Lexicon::FromText("entrega\tentregó\n");
  auto kinds_of = [&](std::string_view text) {
    std::vector<std::string> out;
    for (const ActivityClause& c :
         FindActivityClauses(text, {}, {verbs, Plans(), Kinds()}, {text.find("US$")})) {
      out.push_back(c.kind);
    }
    return out;
  };
  EXPECT_EQ(kinds_of("La embajada entregó dos camiones valorados en US$ 90.000."),
            std::vector<std::string>{"financiamiento"});
  EXPECT_EQ(kinds_of("La red entregó el convenio firmado."), std::vector<std::string>{"acuerdo"});
  EXPECT_TRUE(kinds_of("La oficina entregó su informe trimestral.").empty());
}

TEST(ActivityClausesTest, RecitalsOfAnActReportNothing) {
  EXPECT_TRUE(Spans("Que la ciudad firmó el convenio marco con la red.").empty());
  EXPECT_EQ(Spans("Quedó firmado el convenio y la ciudad firmó el acta.").size(), 1u);
}

TEST(ActivityClausesTest, SentencesEndBeforeCapitalsNotAfterAbbreviations) {
  EXPECT_EQ(SentenceStarts("Uno dos. Tres cuatro. N. 5 y Sr. Pérez."),
            (std::vector<size_t>{0, 9, 22}));
}

TEST(LegalActTest, AnActIsNamedWithItsNumber) {
  const Lexicon acts = Lexicon::FromText("legal_act\tacuerdo\nlegal_act\tdecreto\n");
  EXPECT_TRUE(NamesLegalAct("acuerdo n.° 018 de 2024 del concejo", acts));
  EXPECT_TRUE(NamesLegalAct("decreto 4112.010.20.0470 de 2025", acts));
  EXPECT_TRUE(NamesLegalAct("acuerdo numero 7", acts));
  EXPECT_FALSE(NamesLegalAct("acuerdo de hermanamiento con quito", acts));
  EXPECT_FALSE(NamesLegalAct("acuerdo no vinculante con la red", acts));
  EXPECT_FALSE(NamesLegalAct("acuerdos firmados", acts));
}

TEST(CitationTest, BibliographyAndWordProcessorFields) {
  EXPECT_TRUE(IsCitation("Gómez, R. (2014). Ciudades en red. Editorial Sur."));
  EXPECT_TRUE(IsCitation("Pérez Soto, A. y Ruiz, B. (2019, marzo 3). Título del artículo."));
  EXPECT_TRUE(IsCitation("Banco Regional. (2020). Informe anual de ciudades."));
  EXPECT_TRUE(IsCitation("como señala la literatura [ CITATION Gom14 \\l 2058 ] sobre redes"));
  EXPECT_FALSE(IsCitation("El 4 de mayo, la ciudad firmó el convenio (2019) con la red."));
  EXPECT_FALSE(IsCitation("Montevideo, Uruguay (2016)"));
}

}  // namespace
}  // namespace acervo
