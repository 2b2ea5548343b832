#include "institution_extractor.h"

#include <filesystem>
#include <fstream>

#include "acervo/testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace acervo::institution {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class InstitutionExtractorTest : public ::testing::Test {
 protected:
  testing::Harness h_{std::make_unique<InstitutionExtractor>(), ACERVO_PLUGIN_SOURCE_DATA_DIR};

  // "text -> id" for each mention, for compact expectations.
  static std::vector<std::string> Show(std::string_view text, const std::vector<Mention>& ms) {
    std::vector<std::string> out;
    for (const Mention& m : ms) {
      out.push_back(std::string(text.substr(m.begin, m.end - m.begin)) + " -> " +
                    m.value["id"].get<std::string>());
    }
    return out;
  }
  std::vector<std::string> Run(std::string_view text) { return Show(text, h_.Extract(text)); }
};

TEST_F(InstitutionExtractorTest, GazetteerValueHasTheContractShape) {
  std::string text = "Firmó con la Secretaría de Relaciones Exteriores (SRE) un convenio.";
  std::vector<Mention> ms = h_.Extract(text);
  ASSERT_THAT(Show(text, ms), ElementsAre("Secretaría de Relaciones Exteriores (SRE) -> mx.sre"));
  EXPECT_EQ(ms[0].type, "institution");
  EXPECT_EQ(testing::Harness::Texts(text, ms)[0], "Secretaría de Relaciones Exteriores (SRE)");
  EXPECT_EQ(ms[0].value, nlohmann::json({{"id", "mx.sre"},
                                         {"name", "Secretaría de Relaciones Exteriores"},
                                         {"acronym", "SRE"}}));
}

TEST_F(InstitutionExtractorTest, PlaceAfterAGazetteerNameKeepsTheEntry) {
  EXPECT_THAT(Run("la Secretaría de Gobernación de México organizó"),
              ElementsAre("Secretaría de Gobernación -> mx.segob"));
}

TEST_F(InstitutionExtractorTest, PatternValueHasAStableIdAndNoAcronym) {
  std::string text = "apoyo de la Secretaría de Cultura de Oaxaca para el festival";
  std::vector<Mention> ms = h_.Extract(text);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].value, nlohmann::json({{"id", "x.secretaria-de-cultura-de-oaxaca"},
                                         {"name", "Secretaría de Cultura de Oaxaca"},
                                         {"acronym", nullptr}}));
}

TEST_F(InstitutionExtractorTest, AcronymsDefinedInTheTextAreLearned) {
  auto found = h_.ExtractSegments(
      {{"La Agencia Estatal de Energía de Nuevo León (AEENL) presentó su plan."},
       {"Después, la AEENL firmó con el Instituto de Movilidad Urbana (IMU, por sus siglas en "
        "español)."},
       {"El IMU y la AEENL evaluarán los resultados."}});
  ASSERT_EQ(found.size(), 3u);
  ASSERT_EQ(found[2].size(), 2u);
  EXPECT_EQ(found[2][0].value["id"], "x.instituto-de-movilidad-urbana");
  EXPECT_EQ(found[2][0].value["acronym"], "IMU");
  EXPECT_EQ(found[2][1].value["id"], "x.agencia-estatal-de-energia-de-nuevo-leon");
  EXPECT_EQ(found[1][0].value["acronym"], "AEENL");
}

TEST_F(InstitutionExtractorTest, LearnedAcronymsStayInTheirDocument) {
  h_.ExtractSegments({{"La Agencia Estatal de Energía (AEE) informó."}});
  EXPECT_THAT(h_.Extract("La AEE informó."), IsEmpty());
}

TEST_F(InstitutionExtractorTest, TableSpellingsResolveToTheProseEntry) {
  EXPECT_THAT(Run("BID BANCO INTERAMERICANO DE DESARROLLO\tUSD 20.000"),
              ElementsAre("BID -> bank.bid", "BANCO INTERAMERICANO DE DESARROLLO -> bank.bid"));
  EXPECT_THAT(Run("GIZ AGENCIA DE COOPERACIÓN ALEMANA\t€ 1.000"),
              ElementsAre("GIZ -> de.giz", "AGENCIA DE COOPERACIÓN ALEMANA -> de.giz"));
  EXPECT_THAT(Run("SECRETARÍA DE RELACIONES EXTERIORES"),
              ElementsAre("SECRETARÍA DE RELACIONES EXTERIORES -> mx.sre"));
}

TEST_F(InstitutionExtractorTest, ParentBodiesAreMentionsToo) {
  EXPECT_THAT(
      Run("la Dirección General de Coordinación Política de la Secretaría de "
          "Relaciones Exteriores convocó"),
      ElementsAre("Dirección General de Coordinación Política de la Secretaría de "
                  "Relaciones Exteriores -> x.direccion-general-de-coordinacion-politica-de-"
                  "la-secretaria-de-relaciones-exteriores",
                  "Secretaría de Relaciones Exteriores -> mx.sre"));
}

TEST_F(InstitutionExtractorTest, ParentNamedWithAPlaceResolvesToTheGazetteer) {
  EXPECT_THAT(Run("la Oficina Comercial de la Unión Europea en Chile apoyó"),
              ElementsAre("Oficina Comercial de la Unión Europea en Chile -> "
                          "x.oficina-comercial-de-la-union-europea-en-chile",
                          "Unión Europea -> int.ue"));
}

TEST_F(InstitutionExtractorTest, HeadWordAsDescriptorOfAGazetteerName) {
  EXPECT_THAT(Run("con la Organización World Resources Institute y la Fundación Ford"),
              ElementsAre("World Resources Institute -> ngo.wri", "Fundación Ford -> ngo.ford"));
}

TEST_F(InstitutionExtractorTest, AcronymsInsideReferenceCodesAreNotMentions) {
  EXPECT_THAT(Run("Contrato DGA/CAF/CT/01/2024 firmado con la CAF"),
              ElementsAre("CAF -> bank.caf"));
}

TEST_F(InstitutionExtractorTest, ShortenedAndPlacedNamesJoinTheBodyNamedEarlier) {
  auto found = h_.ExtractSegments(
      {{"La Dirección de Innovación Urbana y Participación Ciudadana convocó."},
       {"Después, la Dirección de Innovación Urbana presentó el informe."},
       {"También firmó la Dirección de Innovación Urbana y Participación Ciudadana de Lima."}});
  ASSERT_EQ(found[1].size(), 1u);
  ASSERT_EQ(found[2].size(), 1u);
  EXPECT_EQ(found[1][0].value, found[0][0].value);
  EXPECT_EQ(found[2][0].value, found[0][0].value);
}

TEST_F(InstitutionExtractorTest, SubBodiesKeyedByTheirParentsCanonicalAcronym) {
  auto found = h_.ExtractSegments(
      {{"el Comité Técnico del MPICDMX sesionó"}, {"el Comité Técnico del MPI CDMX aprobó"}});
  ASSERT_FALSE(found[0].empty());
  ASSERT_FALSE(found[1].empty());
  EXPECT_EQ(found[0][0].value["id"], "x.comite-tecnico-del-mpi-cdmx");
  EXPECT_EQ(found[1][0].value, found[0][0].value);
}

TEST_F(InstitutionExtractorTest, UnqualifiedBodyNameResolvesWithinTheDocumentsCountry) {
  DocumentContext mx;
  mx.country = "MX";
  std::string text = "la Secretaría de Movilidad y la Secretaría de Salud";
  std::vector<Mention> ms = h_.ExtractSegments({{text}}, mx)[0];
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].value["id"], "cdmx.semovi");
  // Two Mexican bodies bear this name (the city's and the federal one): left unresolved.
  EXPECT_EQ(ms[1].value["id"], "x.secretaria-de-salud");
}

TEST_F(InstitutionExtractorTest, MediaOnlyWithCapitals) {
  EXPECT_THAT(Run("según publicó El Tiempo el lunes"), ElementsAre("El Tiempo -> media.el-tiempo"));
  EXPECT_THAT(Run("el tiempo de espera y la jornada laboral"), IsEmpty());
  EXPECT_THAT(Run("una nota de The Guardian"), ElementsAre("The Guardian -> media.guardian"));
}

TEST_F(InstitutionExtractorTest, AbbreviatedAndWrittenOutNamesAreOneBody) {
  auto found = h_.ExtractSegments(
      {{"DIR. GRAL. DE EGRESOS\t350.000,00"}, {"la Dirección General de Egresos informó"}});
  ASSERT_EQ(found.size(), 2u);
  ASSERT_EQ(found[0].size(), 1u);
  ASSERT_EQ(found[1].size(), 1u);
  EXPECT_EQ(found[0][0].value["id"], found[1][0].value["id"]);
  EXPECT_EQ(found[0][0].value["name"], "DIRECCIÓN GENERAL DE EGRESOS");
}

TEST_F(InstitutionExtractorTest, Negatives) {
  // Persons and job titles, bare places, events, programmes, laws, plans and awards.
  for (const char* text :
       {"La Secretaria de Turismo, Laura Gómez, y el Director General, Pedro Ruiz, asistieron.",
        "La Jefa de Gobierno, Rosa Martínez, viajó a Bogotá, Lima y Montevideo.",
        "Se celebró el Foro Mundial de Ciudades Inteligentes en Seúl.",
        "El Programa de Gobierno 2019-2024 y el Plan Estratégico de Movilidad.",
        "De acuerdo con la Ley de Participación Ciudadana y el Premio Ciudad Verde.",
        "la campaña Ciudad Segura y el proyecto Calles Completas"}) {
    EXPECT_THAT(Run(text), IsEmpty()) << text;
  }
}

TEST_F(InstitutionExtractorTest, AccentAndCaseInsensitive) {
  EXPECT_THAT(Run("con la ORGANIZACION MUNDIAL DE LA SALUD y la organización mundial de la salud"),
              ElementsAre("ORGANIZACION MUNDIAL DE LA SALUD -> un.oms",
                          "organización mundial de la salud -> un.oms"));
}

TEST(InstitutionExtractorConfig, ExtraGazetteersExtendAndReplace) {
  std::filesystem::path extra = std::filesystem::temp_directory_path() / "es_inst_extra.tsv";
  std::ofstream(extra) << "zz.lab\tLaboratorio Urbano de Prueba\tLUP\tUrban Test Lab\tbody\tMX\n";
  testing::Harness h(std::make_unique<InstitutionExtractor>(), ACERVO_PLUGIN_SOURCE_DATA_DIR,
                     {{"gazetteers", {extra.string()}}});
  std::string text = "El LUP y el Urban Test Lab";
  std::vector<Mention> ms = h.Extract(text);
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].value["id"], "zz.lab");
  EXPECT_EQ(ms[1].value["name"], "Laboratorio Urbano de Prueba");
  std::filesystem::remove(extra);
}

TEST(InstitutionExtractorConfig, MissingOrMalformedGazetteerIsAnErrorNamingTheFile) {
  InstitutionExtractor e;
  Status s = e.Configure({ACERVO_PLUGIN_SOURCE_DATA_DIR, {{"gazetteers", {"no/such.tsv"}}}});
  EXPECT_EQ(s.code(), Code::kNotFound);
  EXPECT_THAT(s.message(), ::testing::HasSubstr("no/such.tsv"));
  InstitutionExtractor e2;
  s = e2.Configure({ACERVO_PLUGIN_SOURCE_DATA_DIR, {{"gazetteers", "one.tsv"}}});
  EXPECT_EQ(s.code(), Code::kInvalidArgument);
}

TEST(PatternId, FoldedSlug) {
  EXPECT_EQ(PatternId("Secretaría de Inclusión y Bienestar Social"),
            "x.secretaria-de-inclusion-y-bienestar-social");
  EXPECT_EQ(PatternId("Alzheimer México I.A.P."), "x.alzheimer-mexico-i-a-p");
}

TEST_F(InstitutionExtractorTest, AKnownAcronymDefinedAfterANameResolvesIt) {
  EXPECT_THAT(Run("la Organización Mundial de Ciudades Inteligentes y Sostenibles (WeGO) premió"),
              ElementsAre("Organización Mundial de Ciudades Inteligentes y Sostenibles (WeGO) -> "
                          "net.wego"));
  // The entry named inside a unit keeps its acronym; the unit does not take it.
  std::vector<std::string> unit =
      Run("la Oficina Regional de la Organización Mundial de Ciudades Sostenibles e Inteligentes "
          "(WeGO) apoyó");
  EXPECT_THAT(unit, ::testing::Contains("WeGO -> net.wego"));
}

TEST_F(InstitutionExtractorTest, ACountryOfficeIsTheAgency) {
  EXPECT_THAT(Run("voceros de USAID Perú y del PNUD México; la Secretaría de Salud México"),
              ElementsAre("USAID Perú -> us.usaid", "PNUD México -> un.pnud",
                          "Secretaría de Salud México -> x.secretaria-de-salud-mexico"));
}

TEST_F(InstitutionExtractorTest, ASecretariatIsTheBodyItServes) {
  EXPECT_THAT(Run("la Secretaría Ejecutiva de Mercociudades convocó"),
              ElementsAre("Secretaría Ejecutiva de Mercociudades -> net.mercociudades"));
}

TEST_F(InstitutionExtractorTest, ALongNameCutShortIsTheGazetteerBody) {
  EXPECT_THAT(Run("La Coordinación General de Asesores y Asuntos colaboró"),
              ElementsAre("Coordinación General de Asesores y Asuntos -> cdmx.cgaai"));
}

TEST_F(InstitutionExtractorTest, AccountingStatementsOfAnArgentineMunicipality) {
  // Accounting systems drop accents; a dotted acronym on the next line is another body.
  EXPECT_THAT(
      Run("Departamento Ejecutivo\n1110114000 - 19 Direccion de Inclusion Social\t55.307,65"
          "\nTotal Departamento Ejecutivo H.C.D.\t1.687,09"),
      ElementsAre("Departamento Ejecutivo -> x.departamento-ejecutivo",
                  "Direccion de Inclusion Social -> x.direccion-de-inclusion-social",
                  "Departamento Ejecutivo -> x.departamento-ejecutivo", "H.C.D. -> ar.hcd"));
  // Funds and utility networks are accounts and works, not bodies.
  EXPECT_THAT(Run("111220101 FONDO VIVIENDA MUNICIPAL (10041/0)\n26 Fondo Educativo\n"
                  "20 Ampliac. de la Red Cloacal (Cuadras)"),
              IsEmpty());
}

TEST_F(InstitutionExtractorTest, AHeadAndItsSynonymWithOneComplementAreOneBody) {
  auto found =
      h_.ExtractSegments({{"Municipalidad de Carmen de Areco"}, {"MUNICIPIO DE CARMEN DE ARECO"}});
  ASSERT_EQ(found[0].size(), 1u);
  ASSERT_EQ(found[1].size(), 1u);
  EXPECT_EQ(found[1][0].value, found[0][0].value);
}

TEST_F(InstitutionExtractorTest, TheSecretariatOfACommitteeNamedBeforeIsThatCommittee) {
  auto found =
      h_.ExtractSegments({{"Créase el Comité Directivo de Seguimiento de Proyectos."},
                          {"La Secretaría Técnica del Comité Directivo convocará las sesiones."}});
  ASSERT_EQ(found[1].size(), 1u);
  EXPECT_EQ(found[1][0].value, found[0][0].value);
}

TEST_F(InstitutionExtractorTest, ASignatureBlockEndsTheSignersOffice) {
  EXPECT_THAT(Run("Ana María Osorio- Director Departamento Administrativo\nRevisó: Luis Pérez\n"
                  "Carlos Ruiz- Jefe Oficina Asesora Jurídica\nRevisó:"),
              ElementsAre("Oficina Asesora Jurídica -> x.oficina-asesora-juridica"));
}

TEST_F(InstitutionExtractorTest, OrgChartAbbreviationsAndCourts) {
  EXPECT_THAT(Run("SEC. DE HACIENDA\nMIN. DE DESARROLLO SOCIAL\nJuzgado Municipal de Faltas"),
              ElementsAre("SEC. DE HACIENDA -> x.secretaria-de-hacienda",
                          "MIN. DE DESARROLLO SOCIAL -> x.ministerio-de-desarrollo-social",
                          "Juzgado Municipal de Faltas -> x.juzgado-municipal-de-faltas"));
}

TEST_F(InstitutionExtractorTest, UnknownCountryKeepsAnUnqualifiedName) {
  // The harness document has no country: "Instituto Tecnológico" is no one country's.
  EXPECT_THAT(Run("el Instituto Tecnológico colaboró"),
              ElementsAre("Instituto Tecnológico -> x.instituto-tecnologico"));
}

TEST_F(InstitutionExtractorTest, AbbreviationsAreSettledByTheDocumentsOwnUsage) {
  auto found = h_.ExtractSegments({{"DIRECCIÓN DE SERVICIOS URBANOS MUNICIPALES"},
                                   {"| 1 | DIR. DE SERV. URB. MPALES. | 5,00 |"}});
  ASSERT_EQ(found.size(), 2u);
  ASSERT_EQ(found[0].size(), 1u);
  ASSERT_EQ(found[1].size(), 1u);
  EXPECT_EQ(found[1][0].value, found[0][0].value);
}

TEST_F(InstitutionExtractorTest, ATranslationInParenthesesIsTheSameBody) {
  EXPECT_THAT(Run("la Alianza de Ciudades Lectoras (Reading Towns Network) anunció"),
              ElementsAre("Alianza de Ciudades Lectoras -> x.alianza-de-ciudades-lectoras",
                          "Reading Towns Network -> x.alianza-de-ciudades-lectoras"));
}

TEST_F(InstitutionExtractorTest, AnotherGovernmentMakesAnotherBody) {
  EXPECT_THAT(
      Run("la Secretaría de Administración y Finanzas del Gobierno del Estado de Sonora pagó"),
      ElementsAre("Secretaría de Administración y Finanzas del Gobierno del Estado de Sonora -> "
                  "x.secretaria-de-administracion-y-finanzas-del-gobierno-del-estado-de-sonora",
                  "Gobierno del Estado de Sonora -> x.gobierno-del-estado-de-sonora"));
}

TEST_F(InstitutionExtractorTest, ANewspaperNameInsideATitleIsNoNewspaper) {
  EXPECT_THAT(Run("en la Tercera Sesión Ordinaria del año"), IsEmpty());
  EXPECT_THAT(Run("según La Tercera, el alcalde"), ElementsAre("La Tercera -> media.la-tercera"));
}

}  // namespace
}  // namespace acervo::institution
