// ocr_threads.h — keeping Tesseract's OpenMP threads from fighting acervo's own parallelism.
//
// Tesseract is built with OpenMP on Debian; its threads make one page 4-5x slower on a small
// machine when pages are already read in parallel, so every acervo process runs with
// OMP_THREAD_LIMIT=1 in its environment. OpenMP reads the variable once, when libgomp is
// loaded; the host does not link it (the OCR comes with the loader plugins, dlopen'ed later),
// so setting the variable first thing in main() is enough.
#ifndef ACERVO_CORE_LOAD_OCR_THREADS_H_
#define ACERVO_CORE_LOAD_OCR_THREADS_H_

namespace acervo {

// Call first thing in main(): when OMP_THREAD_LIMIT is not set, sets it to 1. Should libgomp
// already be loaded (a program that links Tesseract itself), re-executes the program with
// the same arguments so that OpenMP sees it. Returns only when the limit is in place (or the
// re-exec failed, which only costs speed).
void PinOcrThreads(char** argv);

}  // namespace acervo

#endif  // ACERVO_CORE_LOAD_OCR_THREADS_H_
