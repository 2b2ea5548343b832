#pragma once
#include "a/internal.h"  // a public header that needs an internal one
