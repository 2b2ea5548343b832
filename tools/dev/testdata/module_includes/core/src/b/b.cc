#include "b/b.h"
#include "a/api.h"
#include "a/internal.h"  // internal to a
#include "../a/api.h"
