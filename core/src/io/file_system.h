// file_system.h — the old name of Env (io/env.h), kept while load/ still says FileSystem.
// TODO(merge): rename FileSystem to Env in load/loader.{h,cc} and delete this header.
#ifndef ACERVO_CORE_IO_FILE_SYSTEM_H_
#define ACERVO_CORE_IO_FILE_SYSTEM_H_

#include "io/env.h"

namespace acervo {

using FileSystem = Env;

}  // namespace acervo

#endif  // ACERVO_CORE_IO_FILE_SYSTEM_H_
