// Debian's libcmark-dev (the CommonMark reference implementation), not libcmark-gfm: the two export the
// same symbols, and a process that loads both crashes.
#include <cmark.h>
