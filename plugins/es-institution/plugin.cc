// The symbols acervo loads: es-institution's API version and factory.
#include "institution_extractor.h"

ACERVO_PLUGIN(acervo::institution::InstitutionExtractor);
