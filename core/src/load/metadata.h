// metadata.h — what a document says about itself: its title, country and reporting period,
// found where reports state them (cover, first page). Fields already set are left alone.
#ifndef ACERVO_CORE_LOAD_METADATA_H_
#define ACERVO_CORE_LOAD_METADATA_H_

#include "acervo/document.h"

namespace acervo {

void DetectMetadata(Document* document);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_METADATA_H_
