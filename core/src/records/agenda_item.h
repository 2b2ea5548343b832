// agenda_item.h — whether a paragraph is an item of minutes: an ordinal label, a title and
// what was reported or decided on it, all in one paragraph ("PRIMERO.- Convenio con la
// Municipalidad de Valparaíso. La Gerencia informó que …", "SEGUNDO: Informe de la red.
// …"). Minutes number the points of their agenda so, and each point that reports an
// activity is one record, titled by its label and title (segmenter.h).
// Pure function; thread-compatible.
#ifndef ACERVO_CORE_RECORDS_AGENDA_ITEM_H_
#define ACERVO_CORE_RECORDS_AGENDA_ITEM_H_

#include <string_view>

namespace acervo {

// The byte where the item's title ends (its period), or 0 when `paragraph` is no item: it
// must open with an ordinal word (PRIMERO … DÉCIMO, any case) and ".-", ":" or "-", then a
// title of at most 12 words ending in a period, then more text.
size_t AgendaItemTitleEnd(std::string_view paragraph);

}  // namespace acervo

#endif  // ACERVO_CORE_RECORDS_AGENDA_ITEM_H_
