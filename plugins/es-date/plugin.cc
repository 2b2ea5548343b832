// The exported entry points of es-date.so.
#include "es_date.h"

ACERVO_PLUGIN(acervo::es_date::EsDateExtractor);
