#include "name_patterns.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace acervo::institution {
namespace {

class NamePatternsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s = patterns_.Load(ACERVO_PLUGIN_SOURCE_DATA_DIR);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  std::vector<std::string> Names(std::string_view text) {
    std::vector<std::string> out;
    std::string buffer;
    std::vector<Token> tokens = Tokenize(text, &buffer);
    patterns_.ExpandAbbreviations(&tokens);
    for (const PatternName& n : patterns_.Find(text, tokens)) {
      out.emplace_back(text.substr(n.begin, n.end - n.begin));
    }
    return out;
  }
  NamePatterns patterns_;
};

TEST_F(NamePatternsTest, StopsBeforeTheSentenceGoesOn) {
  EXPECT_THAT(Names("La Secretaría de Relaciones Exteriores de México firmó un convenio."),
              ::testing::ElementsAre("Secretaría de Relaciones Exteriores de México"));
  EXPECT_THAT(Names("con la Secretaría Distrital de Ambiente para sembrar árboles"),
              ::testing::ElementsAre("Secretaría Distrital de Ambiente"));
}

TEST_F(NamePatternsTest, EachHeadFamily) {
  for (const char* name :
       {"Embajada de Noruega en Colombia", "Alcaldía de Valparaíso", "Ayuntamiento de Sevilla",
        "Gobierno de Jalisco", "Municipalidad de Córdoba", "Intendencia de Canelones",
        "Prefeitura de Curitiba", "Fundación Carlos Slim", "Universidad de Guadalajara",
        "Instituto Nacional de Salud Pública", "Organización Panamericana de Arquitectos",
        "Consejo Ciudadano de Seguridad", "Coordinación General de Proyectos Especiales",
        "Dirección General de Asuntos Jurídicos", "Ministerio de Vivienda de Chile"}) {
    std::string sentence = std::string("Participó la ") + name + " en la reunión.";
    EXPECT_THAT(Names(sentence), ::testing::ElementsAre(name)) << sentence;
  }
}

TEST_F(NamePatternsTest, TwoNamesJoinedByAndAreTwoNames) {
  EXPECT_THAT(Names("la Secretaría de Cultura y la Secretaría de Turismo organizaron"),
              ::testing::ElementsAre("Secretaría de Cultura", "Secretaría de Turismo"));
  EXPECT_THAT(Names("la Secretaría de Inclusión y Bienestar Social convocó"),
              ::testing::ElementsAre("Secretaría de Inclusión y Bienestar Social"));
}

TEST_F(NamePatternsTest, ListsOfCapitalisedWordsInsideOneName) {
  EXPECT_THAT(Names("la Secretaría de Educación, Ciencia, Tecnología e Innovación lanzó"),
              ::testing::ElementsAre("Secretaría de Educación, Ciencia, Tecnología e Innovación"));
  EXPECT_THAT(Names("la Secretaría de Salud, que coordinó"),
              ::testing::ElementsAre("Secretaría de Salud"));
}

TEST_F(NamePatternsTest, ParentBodiesInsideANameAreAlsoReported) {
  EXPECT_THAT(
      Names("la Dirección General de Asuntos Jurídicos de la Secretaría de Economía."),
      ::testing::ElementsAre("Dirección General de Asuntos Jurídicos de la Secretaría de Economía",
                             "Secretaría de Economía"));
  EXPECT_THAT(Names("la Junta de Gobierno del Instituto"),
              ::testing::ElementsAre("Junta de Gobierno del Instituto"));
}

TEST_F(NamePatternsTest, EnglishNamesEndInTheirHead) {
  EXPECT_THAT(Names("junto con Open Cities Foundation y la University of Leeds"),
              ::testing::ElementsAre("Open Cities Foundation", "University of Leeds"));
}

TEST_F(NamePatternsTest, NotOrganisations) {
  // Job titles (no accent), programmes, bare heads and places.
  EXPECT_THAT(Names("la Secretaria de Turismo, Ana López, dijo"), ::testing::IsEmpty());
  EXPECT_THAT(Names("el Programa de Gobierno 2019-2024"), ::testing::IsEmpty());
  EXPECT_THAT(Names("la Jefa de Gobierno, María Pérez, inauguró"), ::testing::IsEmpty());
  EXPECT_THAT(Names("una recorrida por el Centro Histórico de Quito"), ::testing::IsEmpty());
  EXPECT_THAT(Names("la secretaría de cultura local"), ::testing::IsEmpty());
  EXPECT_THAT(Names("El Gobierno, por su parte"), ::testing::IsEmpty());
}

TEST_F(NamePatternsTest, UpperCaseTableSpellings) {
  EXPECT_THAT(Names("SECRETARÍA DE GOBIERNO\t$ 1,000.00"),
              ::testing::ElementsAre("SECRETARÍA DE GOBIERNO"));
  EXPECT_THAT(Names("SECRETARIA DE GOBIERNO"), ::testing::ElementsAre("SECRETARIA DE GOBIERNO"));
}

TEST_F(NamePatternsTest, AProperNameInQuotesEndsTheName) {
  EXPECT_THAT(Names("- El 3 de marzo, Escuela Secundaria “Benito Juárez” de la Alcaldía Tlalpan."),
              ::testing::ElementsAre("Escuela Secundaria “Benito Juárez”", "Alcaldía Tlalpan"));
}

TEST_F(NamePatternsTest, GenericUnitsAndEventsAreDropped) {
  EXPECT_THAT(Names("miembro del Comité Directivo y de la Secretaría Técnica del foro"),
              ::testing::IsEmpty());
  EXPECT_THAT(Names("la Secretaría Técnica Permanente de la Red de Ciudades del Sur"),
              ::testing::ElementsAre("Secretaría Técnica Permanente de la Red de Ciudades del Sur",
                                     "Red de Ciudades del Sur"));
  EXPECT_THAT(Names("el Congreso Iberoamericano de Movilidad Urbana"), ::testing::IsEmpty());
}

TEST_F(NamePatternsTest, NumbersAndActorListsDoNotExtendNames) {
  EXPECT_THAT(Names("JUNTA DE GOBIERNO 2024"), ::testing::ElementsAre("JUNTA DE GOBIERNO"));
  EXPECT_THAT(Names("la Red de Ciudades Verdes, 5 y 6 de mayo"),
              ::testing::ElementsAre("Red de Ciudades Verdes"));
  EXPECT_THAT(Names("entre Gobierno, Sociedad Civil y Academia"), ::testing::IsEmpty());
  EXPECT_THAT(Names("en el Ayuntamiento a la Ministra de Cultura"), ::testing::IsEmpty());
}

TEST_F(NamePatternsTest, EllipticPluralListsNameEachMember) {
  auto named = [&](std::string_view text) {
    std::vector<std::string> out;
    std::string buffer;
    for (const PatternName& n : patterns_.Find(text, Tokenize(text, &buffer))) {
      out.push_back(std::string(text.substr(n.begin, n.end - n.begin)) + "=" + n.name);
    }
    return out;
  };
  EXPECT_THAT(named("por iniciativa de las alcaldías de Lyon, Quito y Rosario."),
              ::testing::ElementsAre("Lyon=Alcaldía de Lyon", "Quito=Alcaldía de Quito",
                                     "Rosario=Alcaldía de Rosario"));
  EXPECT_THAT(named("con las Secretarías de Obras Públicas, de Agua y Saneamiento del Gobierno "
                    "del Estado"),
              ::testing::ElementsAre("Obras Públicas=Secretaría de Obras Públicas",
                                     "Agua y Saneamiento=Secretaría de Agua y Saneamiento",
                                     "Gobierno del Estado="));
  EXPECT_THAT(named("las embajadas de Chile y de Perú en México"),
              ::testing::ElementsAre("Chile=Embajada de Chile",
                                     "Perú en México=Embajada de Perú en México"));
  EXPECT_THAT(named("los gobiernos de la región"), ::testing::IsEmpty());
}

TEST(Tokenize, WordsPunctuationAndInnerHyphens) {
  std::string buffer;
  std::vector<Token> t = Tokenize("Coparmex-CDMX, la ONU.", &buffer);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0].folded, "coparmex-cdmx");
  EXPECT_TRUE(t[0].capital);
  EXPECT_EQ(t[1].folded, ",");
  EXPECT_FALSE(t[2].capital);
  EXPECT_TRUE(t[3].all_caps);
}

TEST_F(NamePatternsTest, WhatFollowsANameDirectlyEndsIt) {
  EXPECT_THAT(Names("la Fundación Rockefeller Premio a la Innovación Urbana"),
              ::testing::ElementsAre("Fundación Rockefeller"));
  EXPECT_THAT(Names("según Human Rights Watch Informe Mundial 2024"),
              ::testing::ElementsAre("Human Rights Watch"));
  EXPECT_THAT(Names("la Embajada de los Estados Unidos en el Perú con US$ 48 500"),
              ::testing::ElementsAre("Embajada de los Estados Unidos en el Perú"));
  // Reached through a connector, the word stays inside.
  EXPECT_THAT(Names("la Comisión de Seguimiento del Plan de Movilidad sesionó"),
              ::testing::ElementsAre("Comisión de Seguimiento del Plan de Movilidad"));
}

TEST_F(NamePatternsTest, LongNamesWithAPurpose) {
  for (const char* name : {"Consejo Nacional para Prevenir la Discriminación",
                           "Comisión de Promoción del Perú para la Exportación y el Turismo",
                           "Fondo Mundial para la Reducción de los Desastres y la Recuperación"}) {
    std::string sentence = std::string("Participó el ") + name + " en la reunión.";
    EXPECT_THAT(Names(sentence), ::testing::ElementsAre(name)) << sentence;
  }
  // Without a purpose "y el" starts something else.
  EXPECT_THAT(Names("la Embajada de Francia y el Reino Unido firmaron"),
              ::testing::ElementsAre("Embajada de Francia"));
}

TEST_F(NamePatternsTest, AHeadWithOnlyGenericAdjectivesIsAFragment) {
  EXPECT_THAT(Names("visitó la Oficina Regional ayer"), ::testing::IsEmpty());
  EXPECT_THAT(Names("cada Agencia Descentralizada informa"), ::testing::IsEmpty());
  EXPECT_THAT(Names("el Congreso Local aprobó"), ::testing::IsEmpty());
  EXPECT_THAT(Names("el Congreso Nacional aprobó"), ::testing::ElementsAre("Congreso Nacional"));
  EXPECT_THAT(Names("la Oficina Regional para América Latina"),
              ::testing::ElementsAre("Oficina Regional para América Latina"));
}

TEST_F(NamePatternsTest, ForeignNamesEndInTheirHead) {
  EXPECT_THAT(Names("según la Brookings Institution y el Wilson Center, la ciudad"),
              ::testing::ElementsAre("Brookings Institution", "Wilson Center"));
  EXPECT_THAT(Names("publicado por Island Press en 2019"), ::testing::ElementsAre("Island Press"));
  EXPECT_THAT(Names("un informe de Amnesty International sobre"),
              ::testing::ElementsAre("Amnesty International"));
}

TEST_F(NamePatternsTest, NamesClosedByALegalForm) {
  EXPECT_THAT(Names("con la Iniciativa Ciudadana para la Promoción del Diálogo A.C. y otras"),
              ::testing::ElementsAre("Iniciativa Ciudadana para la Promoción del Diálogo A.C."));
  EXPECT_THAT(Names("donó Alzheimer Jalisco I.A.P. en mayo"),
              ::testing::ElementsAre("Alzheimer Jalisco I.A.P."));
  EXPECT_THAT(Names("la Fundación Luz A.C. convocó"), ::testing::ElementsAre("Fundación Luz A.C."));
  EXPECT_THAT(Names("el Director General de Acme Salud S.A. de C.V. dijo"),
              ::testing::ElementsAre("Acme Salud S.A. de C.V."));
  EXPECT_THAT(Names("firmó con Acme Logistics LLC un contrato"),
              ::testing::ElementsAre("Acme Logistics LLC"));
}

TEST_F(NamePatternsTest, UpperCaseAndAbbreviatedNames) {
  auto spelled = [&](std::string_view text) {
    std::string buffer;
    std::vector<Token> tokens = Tokenize(text, &buffer);
    patterns_.ExpandAbbreviations(&tokens);
    std::vector<std::string> out;
    for (const PatternName& n : patterns_.Find(text, tokens)) {
      out.push_back(n.name.empty() ? std::string(text.substr(n.begin, n.end - n.begin)) : n.name);
    }
    return out;
  };
  EXPECT_THAT(spelled("SECRETARÍA DE HACIENDA\t1.250.000,00"),
              ::testing::ElementsAre("SECRETARÍA DE HACIENDA"));
  EXPECT_THAT(spelled("SUBSECRETARÍA DE DESARROLLO ECONÓMICO"),
              ::testing::ElementsAre("SUBSECRETARÍA DE DESARROLLO ECONÓMICO"));
  EXPECT_THAT(spelled("DIR. GRAL. DE EGRESOS\t350.000"),
              ::testing::ElementsAre("DIRECCIÓN GENERAL DE EGRESOS"));
  EXPECT_THAT(spelled("Coord. de Comunicación Social"),
              ::testing::ElementsAre("Coordinación de Comunicación Social"));
}

TEST_F(NamePatternsTest, HonorificsBeforeAHeadBelongToTheName) {
  EXPECT_THAT(Names("H. AYUNTAMIENTO CONSTITUCIONAL DE ZAPOPAN"),
              ::testing::ElementsAre("H. AYUNTAMIENTO CONSTITUCIONAL DE ZAPOPAN"));
  EXPECT_THAT(Names("con la Ilustre Municipalidad de Valparaíso"),
              ::testing::ElementsAre("Ilustre Municipalidad de Valparaíso"));
  // "I." only before the heads it goes with: not a numbered section.
  EXPECT_THAT(Names("Capítulo I. Dirección de Obras Públicas"),
              ::testing::ElementsAre("Dirección de Obras Públicas"));
}

TEST_F(NamePatternsTest, PlacesWithAndTheDoNotSplitAName) {
  EXPECT_THAT(Names("la Comisión Económica para América Latina y el Caribe publicó"),
              ::testing::ElementsAre("Comisión Económica para América Latina y el Caribe"));
  EXPECT_THAT(Names("la Oficina Regional para Asia y el Pacífico apoyó"),
              ::testing::ElementsAre("Oficina Regional para Asia y el Pacífico"));
}

TEST_F(NamePatternsTest, AnAcronymAfterAndStartsAnotherBody) {
  EXPECT_THAT(Names("la Agencia Peruana de Noticias Andina y RPP Noticias difundieron"),
              ::testing::ElementsAre("Agencia Peruana de Noticias Andina", "RPP Noticias"));
}

TEST_F(NamePatternsTest, SpanishFunctionWordsDoNotStartEnglishNames) {
  EXPECT_THAT(Names("Según Human Rights Watch, la situación empeoró."),
              ::testing::ElementsAre("Human Rights Watch"));
}

TEST_F(NamePatternsTest, WordsHyphenatedAtALineEnd) {
  EXPECT_THAT(
      Names("la Coordinación General de Aseso-\nres y Asuntos Internacionales firmó"),
      ::testing::ElementsAre("Coordinación General de Aseso-\nres y Asuntos Internacionales"));
  // Cut by a break the passage does not cross: no name.
  EXPECT_THAT(Names("La titular de la Coordinación General de Aseso-"), ::testing::IsEmpty());
}

TEST_F(NamePatternsTest, OrgChartHeads) {
  EXPECT_THAT(
      Names("PRESIDENCIA MUNICIPAL\tCOMISARÍA GENERAL DE SEGURIDAD PÚBLICA"),
      ::testing::ElementsAre("PRESIDENCIA MUNICIPAL", "COMISARÍA GENERAL DE SEGURIDAD PÚBLICA"));
  EXPECT_THAT(Names("el modelo de Gobierno Abierto y Gobierno Eficiente"), ::testing::IsEmpty());
}

TEST_F(NamePatternsTest, HeadsWithoutTheirAccents) {
  EXPECT_THAT(
      Names("16 Direccion de Bromatologia y Zoonosis\t18 Coordinacion de Abordaje"),
      ::testing::ElementsAre("Direccion de Bromatologia y Zoonosis", "Coordinacion de Abordaje"));
  // Where the word without its accent is a job title, it is a person.
  EXPECT_THAT(Names("la Secretaria de Turismo, Ana López, y la Comisaria de Policía"),
              ::testing::IsEmpty());
}

TEST_F(NamePatternsTest, PartiesAndTheirBlocs) {
  EXPECT_THAT(Names("ALONSO, María Luz\tFrente para la Victoria - PJ\tLa Pampa"),
              ::testing::ElementsAre("Frente para la Victoria - PJ"));
  EXPECT_THAT(Names("el Movimiento Popular Neuquino votó"),
              ::testing::ElementsAre("Movimiento Popular Neuquino"));
}

TEST_F(NamePatternsTest, AnActivityAfterAndIsOneMoreTaskOfTheBody) {
  EXPECT_THAT(Names("CREA EL COMITÉ DIRECTIVO DE SEGUIMIENTO Y COORDINACIÓN DE LA EJECUCIÓN DE "
                    "LOS PROYECTOS Y SE DICTAN OTRAS DISPOSICIONES"),
              ::testing::ElementsAre("COMITÉ DIRECTIVO DE SEGUIMIENTO Y COORDINACIÓN DE LA "
                                     "EJECUCIÓN DE LOS PROYECTOS"));
  EXPECT_THAT(Names("la Secretaría de Hacienda y la Dirección de Egresos firmaron"),
              ::testing::ElementsAre("Secretaría de Hacienda", "Dirección de Egresos"));
}

TEST_F(NamePatternsTest, OfficeHoldersOnTheNextLine) {
  EXPECT_THAT(Names("SECRETARÍA DE SALUD\nDr. Juan Pérez"),
              ::testing::ElementsAre("SECRETARÍA DE SALUD"));
  EXPECT_THAT(Names("SECRETARÍA DE HACIENDA\nINTENDENTE MUNICIPAL"),
              ::testing::ElementsAre("SECRETARÍA DE HACIENDA"));
  EXPECT_THAT(Names("el Hospital Municipal Dr. Horacio Ruiz atendió"),
              ::testing::ElementsAre("Hospital Municipal Dr. Horacio Ruiz"));
}

TEST_F(NamePatternsTest, EnglishNamesGoOnWithOfOnForAndCloseOnASuffixHead) {
  EXPECT_THAT(Names("según el Council on Foreign Relations y la Brookings Institution, las"),
              ::testing::ElementsAre("Council on Foreign Relations", "Brookings Institution"));
  EXPECT_THAT(
      Names("el Carnegie Endowment for International Peace y el Atlantic Council"),
      ::testing::ElementsAre("Carnegie Endowment for International Peace", "Atlantic Council"));
  EXPECT_THAT(Names("un libro de Stanford University Press sobre ciudades"),
              ::testing::ElementsAre("Stanford University Press"));
  // An award or a survey is no part of the name, and does not start one.
  EXPECT_THAT(Names("en A Survey of International Engagement in Cities"), ::testing::IsEmpty());
}

TEST_F(NamePatternsTest, ThePublisherOfAReferenceIsANameWhateverItsWords) {
  EXPECT_THAT(Names("Borja, J. (1997). *Local y global*. Madrid: Taurus.\n"),
              ::testing::ElementsAre("Taurus"));
  EXPECT_THAT(Names("Pérez, A. (2019). Ciudades. Buenos Aires: Siglo Veintiuno Editores."),
              ::testing::ElementsAre("Siglo Veintiuno Editores"));
  EXPECT_THAT(Names("Nota. Lugar: Anexo técnico."), ::testing::IsEmpty());  // no reference
}

TEST_F(NamePatternsTest, PurposeListsPlacesAndPublicationsAfterTheName) {
  EXPECT_THAT(Names("el Consejo para la Cultura, Educación y Deporte organizó"),
              ::testing::ElementsAre("Consejo para la Cultura, Educación y Deporte"));
  EXPECT_THAT(Names("la Comisión Binacional entre Ecuador y Perú anunció"),
              ::testing::ElementsAre("Comisión Binacional entre Ecuador y Perú"));
  EXPECT_THAT(Names("- Instituto Nacional de Estadística Encuesta Nacional de Hogares 2022"),
              ::testing::ElementsAre("Instituto Nacional de Estadística"));
  // A head right after "como" names a category.
  EXPECT_THAT(Names("acreditada como Academia de Policía por la Comisión de Acreditación"),
              ::testing::ElementsAre("Comisión de Acreditación"));
}

TEST_F(NamePatternsTest, ATableCellMayAbbreviateWordsTheListDoesNotKnow) {
  EXPECT_THAT(Names("| 12 | COORD. DE SERV. URBANOS | 10,00 |"),
              ::testing::ElementsAre("COORD. DE SERV. URBANOS"));
  EXPECT_THAT(Names("| 13 | DIR. DE PROT. ANIMAL MPAL. | 10,00 |"),
              ::testing::ElementsAre("DIR. DE PROT. ANIMAL MPAL."));
  // A full stop that ends a cell of full words is not part of the name.
  EXPECT_THAT(Names("| 14 | DIRECCIÓN DE CATASTRO. | 10,00 |"),
              ::testing::ElementsAre("DIRECCIÓN DE CATASTRO"));
}

TEST_F(NamePatternsTest, ALowerCaseHeadBeforeAProperNameNamesABody) {
  EXPECT_THAT(Names("con la embajada de Francia en México y otros"),
              ::testing::ElementsAre("embajada de Francia en México"));
  EXPECT_THAT(Names("una convocatoria del gobierno de Chile y del gobierno del Estado de Jalisco"),
              ::testing::ElementsAre("gobierno de Chile", "gobierno del Estado de Jalisco"));
  // A government named after its leader is an administration; a lower-case place is none.
  EXPECT_THAT(Names("durante el gobierno de Ricardo Lagos y el gobierno de la ciudad"),
              ::testing::IsEmpty());
}

TEST_F(NamePatternsTest, AStateOrProvinceIsAPlaceAGovernmentMayBeOf) {
  EXPECT_THAT(Names("con el gobierno de Jalisco, el gobierno de Santa Fe y el de Antioquia"),
              ::testing::ElementsAre("gobierno de Jalisco", "gobierno de Santa Fe"));
  EXPECT_THAT(Names("durante el gobierno de Pérez se firmó"), ::testing::IsEmpty());
}

}  // namespace
}  // namespace acervo::institution
