// acervo/plugin_export.h — what the ACERVO_PLUGIN and ACERVO_LOADER_PLUGIN macros share: the
// factory each plugin exports is extern "C" only to be found by an unmangled name; C never
// calls it (the host is C++ built with the same compiler), so clang's warning about its C++
// return type is moot and silenced around it.
#ifndef ACERVO_PLUGIN_EXPORT_H_
#define ACERVO_PLUGIN_EXPORT_H_

#if defined(__clang__)
#define ACERVO_PLUGIN_CXX_RETURN_BEGIN_ \
  _Pragma("clang diagnostic push") _Pragma("clang diagnostic ignored \"-Wreturn-type-c-linkage\"")
#define ACERVO_PLUGIN_CXX_RETURN_END_ _Pragma("clang diagnostic pop")
#else
#define ACERVO_PLUGIN_CXX_RETURN_BEGIN_
#define ACERVO_PLUGIN_CXX_RETURN_END_
#endif

#endif  // ACERVO_PLUGIN_EXPORT_H_
