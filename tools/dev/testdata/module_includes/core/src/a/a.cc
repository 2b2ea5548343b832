#include "a/api.h"
#include "a/internal.h"
#include "b/b.h"  // a back-edge: a does not depend on b
