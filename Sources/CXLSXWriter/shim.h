#ifndef SVFORMS_CXLSXWRITER_SHIM_H
#define SVFORMS_CXLSXWRITER_SHIM_H
// libxlsxwriter (Debian libxlsxwriter-dev): XLSX files written cell by cell, in constant memory.
#include <xlsxwriter.h>
#endif
