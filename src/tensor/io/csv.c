/*
   HtTensor I/O: delimited text (CSV, whitespace-separated .txt), read and written in parallel with
   MPI-IO. Every rank reads one contiguous byte range of the file and parses the lines that start
   in it; nothing is gathered on one rank.
*/
#include <heat/private/tensorimpl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const HtCSVHeaders[] = {"auto", "true", "false"};

/* the names -ht_csv_delimiter accepts */
static const struct {
  const char *name;
  HtCSVDelim  delim;
} HtCSVDelimNames[] = {
  {"auto",       HT_CSV_DELIM_AUTO      },
  {",",          HT_CSV_DELIM_COMMA     },
  {"comma",      HT_CSV_DELIM_COMMA     },
  {";",          HT_CSV_DELIM_SEMICOLON },
  {"semicolon",  HT_CSV_DELIM_SEMICOLON },
  {"whitespace", HT_CSV_DELIM_WHITESPACE}
};

#define HT_CSV_CHUNK     4096 /* first read past a rank's range to finish its last line; doubles */
#define HT_CSV_MAX_FIELD 32   /* bytes of one formatted number: "%.17g" needs at most 24 */
#define HT_CSV_SHOW      40   /* characters of a bad field shown in an error message */

/* the layout of a file: the same on every rank once detected */
typedef struct {
  HtCSVDelim delim;
  PetscInt64 headerline; /* line number of the header, 0 if none */
  PetscInt64 firstline;  /* line number of the first data row */
  PetscInt   ncols;
} HtCSVFormat;

/* a piece of text, not NUL-terminated */
typedef struct {
  const char *s;
  size_t      n;
} HtCSVSpan;

static inline PetscBool HtCSVIsBlank(char c)
{
  return (PetscBool)(c == ' ' || c == '\t');
}

/* a line of blanks, or a comment: its first non-blank character is '#' (as NumPy's loadtxt) */
static inline PetscBool HtCSVBlankLine(HtCSVSpan line)
{
  for (size_t i = 0; i < line.n; i++)
    if (!HtCSVIsBlank(line.s[i])) return (PetscBool)(line.s[i] == '#');
  return PETSC_TRUE;
}

/*
   The next field of a line after position *pos (start with 0): for ',' and ';' the text up to the next
   delimiter without surrounding blanks (so "1,,2" has an empty field), for whitespace the next run of
   non-blank characters. Returns PETSC_FALSE when the line has no more fields.
*/
static PetscBool HtCSVNextField(HtCSVSpan line, HtCSVDelim delim, size_t *pos, HtCSVSpan *field)
{
  size_t i = *pos, start;

  if (delim == HT_CSV_DELIM_WHITESPACE) {
    while (i < line.n && HtCSVIsBlank(line.s[i])) i++;
    if (i == line.n) return PETSC_FALSE;
    for (start = i; i < line.n && !HtCSVIsBlank(line.s[i]);) i++;
    *pos = i;
  } else {
    const char c = delim == HT_CSV_DELIM_COMMA ? ',' : ';';

    if (i > line.n) return PETSC_FALSE;
    for (start = i; i < line.n && line.s[i] != c;) i++;
    *pos = i + 1;
    while (start < i && HtCSVIsBlank(line.s[start])) start++;
    while (i > start && HtCSVIsBlank(line.s[i - 1])) i--;
  }
  field->s = line.s + start;
  field->n = i - start;
  return PETSC_TRUE;
}

/* a whole field as a decimal number (strtod: also nan, inf; not hexadecimal, which NumPy rejects); the text is
   NUL-terminated after the last line */
static inline PetscBool HtCSVParseNumber(HtCSVSpan field, double *v)
{
  char *end;

  if (!field.n || memchr(field.s, 'x', field.n) || memchr(field.s, 'X', field.n)) return PETSC_FALSE;
  *v = strtod(field.s, &end);
  return (PetscBool)(end == field.s + field.n);
}

static PetscInt HtCSVCountFields(HtCSVSpan line, HtCSVDelim delim)
{
  HtCSVSpan f;
  size_t    pos = 0;
  PetscInt  n   = 0;

  while (HtCSVNextField(line, delim, &pos, &f)) n++;
  return n;
}

/* ',' if the line has one, else ';' if it has one, else whitespace */
static HtCSVDelim HtCSVGuessDelimiter(HtCSVSpan line)
{
  if (memchr(line.s, ',', line.n)) return HT_CSV_DELIM_COMMA;
  if (memchr(line.s, ';', line.n)) return HT_CSV_DELIM_SEMICOLON;
  return HT_CSV_DELIM_WHITESPACE;
}

/* a header line: every field a name, none empty and none a number (a line of numbers with a typo or a missing
   value is data, and its bad field is reported) */
static PetscBool HtCSVAllNames(HtCSVSpan line, HtCSVDelim delim)
{
  HtCSVSpan f;
  size_t    pos = 0;
  double    v;

  while (HtCSVNextField(line, delim, &pos, &f))
    if (!f.n || HtCSVParseNumber(f, &v)) return PETSC_FALSE;
  return PETSC_TRUE;
}

static PetscErrorCode HtCSVGetOptions(MPI_Comm comm, HtCSVHeader *header, HtCSVDelim *delim)
{
  char      name[64] = "auto";
  PetscInt  h        = HT_CSV_HEADER_AUTO, i;
  const int nnames   = (int)(sizeof(HtCSVDelimNames) / sizeof(HtCSVDelimNames[0]));

  PetscFunctionBegin;
  PetscOptionsBegin(comm, NULL, "HtTensor CSV options", "HtTensor");
  PetscCall(PetscOptionsEList("-ht_csv_header", "Whether the first line is a header: auto (if all of its fields are names, none empty or a number), true or false", "HtTensorLoadCSV", HtCSVHeaders, 3, HtCSVHeaders[h], &h, NULL));
  PetscCall(PetscOptionsString("-ht_csv_delimiter", "Field delimiter: auto, ',' (or comma), ';' (or semicolon) or whitespace", "HtTensorLoadCSV", name, name, sizeof(name), NULL));
  PetscOptionsEnd();
  for (i = 0; i < nnames; i++) {
    PetscBool same;

    PetscCall(PetscStrcasecmp(name, HtCSVDelimNames[i].name, &same));
    if (same) break;
  }
  PetscCheck(i < nnames, comm, PETSC_ERR_ARG_UNKNOWN_TYPE, "Unknown CSV delimiter '%s' given with -ht_csv_delimiter; use auto, ',' (or comma), ';' (or semicolon) or whitespace", name);
  *delim  = HtCSVDelimNames[i].delim;
  *header = (HtCSVHeader)h;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* independent reads from `off` on, appended to buf[0, *n), until a '\n' or the end of the file */
static PetscErrorCode HtCSVReadRestOfLine(MPI_File fh, const char path[], MPI_Offset off, MPI_Offset size, char **buf, size_t *n, HtIOError *e)
{
  MPI_Offset chunk = HT_CSV_CHUNK;
  MPI_Status status;

  PetscFunctionBegin;
  while (off < size && !e->code) {
    MPI_Offset m = PetscMin(chunk, size - off);
    char      *nl;

    PetscCall(PetscRealloc(*n + (size_t)m + 1, buf));
    PetscCall(HtIOErrorSetTransfer(e, PETSC_FALSE, MPI_File_read_at(fh, off, *buf + *n, (int)m, MPI_BYTE, &status), &status, MPI_BYTE, m, path));
    nl = (char *)memchr(*buf + *n, '\n', (size_t)m);
    if (nl) {
      *n = (size_t)(nl - *buf) + 1;
      break;
    }
    *n += (size_t)m;
    off += m;
    chunk = PetscMin(2 * chunk, (MPI_Offset)1 << 30);
  }
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   Collective: this rank's lines, buf[*begin, *end), NUL-terminated. Rank r reads the bytes [lo, hi) of a
   balanced split of the file (and the byte before, to see whether a line starts at lo) with one
   collective read, then reads on to the end of its last line. It owns the lines that start in [lo, hi).
*/
static PetscErrorCode HtCSVReadText(MPI_Comm comm, const char path[], char **buf, size_t *begin, size_t *end)
{
  MPI_File     fh;
  MPI_Offset   size = 0, lo, hi, from;
  MPI_Datatype type;
  MPI_Status   status;
  PetscMPIInt  rank, nproc;
  HtIOError    e = {0};
  size_t       n;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCallMPI(MPI_Comm_size(comm, &nproc));
  PetscCall(HtFileOpenRead(comm, path, &fh));
  PetscCall(HtIOErrorSetMPI(&e, PETSC_ERR_FILE_READ, MPI_File_get_size(fh, &size), "Cannot read", path));
  lo   = size / nproc * rank + PetscMin(rank, size % nproc);
  hi   = lo + size / nproc + (rank < size % nproc ? 1 : 0);
  from = lo ? lo - 1 : 0;
  n    = (size_t)(hi - from);
  PetscCall(PetscMalloc1(n + 1, buf));
  PetscCall(HtMPITypeCreateBlock(hi - from, MPI_BYTE, &type));
  PetscCall(HtIOErrorSetTransfer(&e, PETSC_FALSE, MPI_File_read_at_all(fh, from, *buf, 1, type, &status), &status, MPI_BYTE, hi - from, path));
  PetscCallMPI(MPI_Type_free(&type));
  *begin = *end = 0;
  if (!e.code && lo < hi) {
    const char *nl = lo ? (const char *)memchr(*buf, '\n', n - 1) : NULL; /* a line starts at q when q = 0 or byte q - 1 is '\n' */

    if (!lo || nl) {
      *begin = lo ? (size_t)(nl - *buf) + 1 : 0;
      if ((*buf)[n - 1] != '\n') PetscCall(HtCSVReadRestOfLine(fh, path, hi, size, buf, &n, &e));
      *end = n;
      if (!lo && n >= 3 && !memcmp(*buf, "\xEF\xBB\xBF", 3)) *begin = 3; /* UTF-8 byte order mark */
    }
  }
  (*buf)[*end] = 0;
  PetscCall(HtIOErrorSetMPI(&e, PETSC_ERR_FILE_READ, MPI_File_close(&fh), "Cannot read", path));
  if (e.code) PetscCall(PetscFree(*buf));
  PetscCall(HtIOErrorCheck(comm, &e, NULL, NULL));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the lines of text[0, len) without their '\n' and a trailing '\r' */
static PetscErrorCode HtCSVSplitLines(const char *text, size_t len, HtCSVSpan **lines, PetscInt *nlines)
{
  PetscInt n = 0;

  PetscFunctionBegin;
  for (size_t i = 0; i < len; i++)
    if (text[i] == '\n' || i == len - 1) n++;
  PetscCall(PetscMalloc1(n, lines));
  for (PetscInt l = 0; l < n; l++) {
    const char *nl = (const char *)memchr(text, '\n', len);
    size_t      m  = nl ? (size_t)(nl - text) : len;

    (*lines)[l].s = text;
    (*lines)[l].n = m && text[m - 1] == '\r' ? m - 1 : m;
    text += m + 1;
    len -= PetscMin(m + 1, len);
  }
  *nlines = n;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* collective: the lowest rank for which `have` holds, or size if none */
static PetscErrorCode HtCSVFirstRank(MPI_Comm comm, PetscBool have, PetscMPIInt *owner)
{
  PetscMPIInt rank, size, mine;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCallMPI(MPI_Comm_size(comm, &size));
  mine = have ? rank : size;
  PetscCall(MPIU_Allreduce(&mine, owner, 1, MPI_INT, MPI_MIN, comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

static inline PetscBool HtCSVIsDataLine(const HtCSVFormat *fmt, HtCSVSpan line, PetscInt64 lineno)
{
  return (PetscBool)(lineno != fmt->headerline && !HtCSVBlankLine(line));
}

/*
   Collective: the delimiter and header (decided by the rank owning the first non-blank line) and the
   number of columns (from the first data row). Lines are numbered from 1; line0 lines precede this
   rank's. A file without data rows is recorded in e (the same on every rank).
*/
static PetscErrorCode HtCSVDetectFormat(MPI_Comm comm, const char path[], HtCSVHeader header, HtCSVDelim delim, const HtCSVSpan lines[], PetscInt nlines, PetscInt64 line0, HtCSVFormat *fmt, HtIOError *e)
{
  PetscMPIInt rank, size, owner;
  PetscInt    first = 0;

  PetscFunctionBegin;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCallMPI(MPI_Comm_size(comm, &size));
  PetscCall(PetscMemzero(fmt, sizeof(*fmt)));
  while (first < nlines && HtCSVBlankLine(lines[first])) first++;
  PetscCall(HtCSVFirstRank(comm, (PetscBool)(first < nlines), &owner));
  if (owner == size) {
    PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "%s has no data rows", path));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  if (rank == owner) {
    fmt->delim = delim == HT_CSV_DELIM_AUTO ? HtCSVGuessDelimiter(lines[first]) : delim;
    if (header == HT_CSV_HEADER_TRUE || (header == HT_CSV_HEADER_AUTO && HtCSVAllNames(lines[first], fmt->delim))) fmt->headerline = line0 + first + 1;
  }
  PetscCallMPI(MPI_Bcast(fmt, (PetscMPIInt)sizeof(*fmt), MPI_BYTE, owner, comm));
  for (first = 0; first < nlines && !HtCSVIsDataLine(fmt, lines[first], line0 + first + 1);) first++;
  PetscCall(HtCSVFirstRank(comm, (PetscBool)(first < nlines), &owner));
  if (owner == size) {
    PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "%s has no data rows", path));
    PetscFunctionReturn(PETSC_SUCCESS);
  }
  if (rank == owner) {
    fmt->ncols     = HtCSVCountFields(lines[first], fmt->delim);
    fmt->firstline = line0 + first + 1;
  }
  PetscCallMPI(MPI_Bcast(fmt, (PetscMPIInt)sizeof(*fmt), MPI_BYTE, owner, comm));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* the data rows of this rank into t (split 0, one local row per data row); the first bad line is recorded in e */
static PetscErrorCode HtCSVParseRows(const char path[], const HtCSVFormat *fmt, const HtCSVSpan lines[], PetscInt nlines, PetscInt64 line0, HtTensor t, HtIOError *e)
{
  PetscScalar *a;
  PetscInt     row = 0;

  PetscFunctionBegin;
  PetscCall(HtTensorGetArrayWrite(t, &a));
  for (PetscInt l = 0; l < nlines && !e->code; l++) {
    PetscInt64 lineno = line0 + l + 1;
    PetscInt   nf, col = 0;
    HtCSVSpan  f;
    size_t     pos = 0;
    double     v;

    if (!HtCSVIsDataLine(fmt, lines[l], lineno)) continue;
    nf = HtCSVCountFields(lines[l], fmt->delim);
    if (memchr(lines[l].s, '\r', lines[l].n)) PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "%s:%" PetscInt64_FMT ": a carriage return (\\r) inside the line: the file has classic Mac (CR only) line endings; convert them to \\n, e.g. tr '\\r' '\\n' < old > new", path, lineno));
    else if (memchr(lines[l].s, 0, lines[l].n)) PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "%s:%" PetscInt64_FMT ": a NUL byte in the line: this is not a text file (or it is UTF-16); save it as plain (UTF-8) text", path, lineno));
    else if (nf != fmt->ncols) PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "%s:%" PetscInt64_FMT ": expected %" PetscInt_FMT " fields (as on line %" PetscInt64_FMT "), found %" PetscInt_FMT, path, lineno, fmt->ncols, fmt->firstline, nf));
    for (; !e->code && HtCSVNextField(lines[l], fmt->delim, &pos, &f); col++) {
      if (HtCSVParseNumber(f, &v)) a[row * fmt->ncols + col] = v;
      else if (!f.n) PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "%s:%" PetscInt64_FMT ": column %" PetscInt_FMT " is empty: every value must be given (a missing value? fill it in or drop the row)", path, lineno, col + 1));
      else PetscCall(HtIOErrorSet(e, PETSC_ERR_FILE_UNEXPECTED, "%s:%" PetscInt64_FMT ": column %" PetscInt_FMT ": '%.*s%s' is not a number", path, lineno, col + 1, (int)PetscMin(f.n, HT_CSV_SHOW), f.s, f.n > HT_CSV_SHOW ? "..." : ""));
    }
    row++;
  }
  PetscCall(HtTensorRestoreArrayWrite(t, &a));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*
   HtCSVParseText - collective: this rank's lines text[0, len) of a delimited text file (NUL-terminated after them; the
   lines before them are on the lower ranks) into *t, split 0 with one local row per data row of this rank. The first
   problem of the file is recorded in e, the same on every rank for the problems of the layout, on the ranks whose lines
   have it for a bad line (HtIOErrorCheck() raises it on all). On PETSC_COMM_SELF it parses a whole file in memory.
*/
PetscErrorCode HtCSVParseText(MPI_Comm comm, const char path[], HtCSVHeader header, HtCSVDelim delim, const char *text, size_t len, HtTensor *t, HtIOError *e)
{
  HtCSVFormat fmt;
  HtCSVSpan  *lines;
  PetscInt    nlines = 0, nrows = 0;
  PetscInt64  line0 = 0, nlines64, nrows64, total = 0;
  PetscMPIInt rank;

  PetscFunctionBegin;
  *t = NULL;
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(HtCSVSplitLines(text, len, &lines, &nlines));
  nlines64 = nlines;
  PetscCallMPI(MPI_Exscan(&nlines64, &line0, 1, MPIU_INT64, MPI_SUM, comm));
  if (!rank) line0 = 0;
  PetscCall(HtCSVDetectFormat(comm, path, header, delim, lines, nlines, line0, &fmt, e));
  if (!e->code) { /* e, fmt and total are the same on every rank */
    for (PetscInt l = 0; l < nlines; l++) nrows += HtCSVIsDataLine(&fmt, lines[l], line0 + l + 1);
    nrows64 = nrows;
    PetscCall(MPIU_Allreduce(&nrows64, &total, 1, MPIU_INT64, MPI_SUM, comm));
    if (total * fmt.ncols > PETSC_MAX_INT) PetscCall(HtIOErrorSet(e, PETSC_ERR_SUP, "%s has %" PetscInt64_FMT " rows of %" PetscInt_FMT " columns, too many for the %d-bit PetscInt of this PETSc build", path, total, fmt.ncols, (int)(8 * sizeof(PetscInt))));
  }
  if (!e->code) {
    PetscInt shape[2] = {(PetscInt)total, fmt.ncols};

    PetscCall(HtTensorCreateWithLayout(comm, 2, shape, 0, HT_SCALAR, nrows, t));
    PetscCall(HtCSVParseRows(path, &fmt, lines, nlines, line0, *t, e));
  }
  PetscCall(PetscFree(lines));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorLoadCSV - Loads a 2-d tensor (rows x columns) from a delimited text file in parallel.

   Collective

   Input Parameters:
+  comm - MPI communicator
.  path - the file: one row per line, fields separated by ',' or ';' or blanks
-  split - 0 (rows), 1 (columns) or -1 (every rank holds the whole tensor)

   Output Parameter:
.  t - the `HT_SCALAR` tensor of shape (rows, columns), balanced; a file with one column gives (rows, 1)

   Options Database Keys:
+  -ht_csv_header <auto,true,false> - whether the first non-blank line is a header; auto: when all of
                                      its fields are names (not empty, not numbers); a first line with
                                      numbers and an empty or mistyped field is data and its error is reported
-  -ht_csv_delimiter <auto> - `,` (or comma), `;` (or semicolon), whitespace (runs of spaces and tabs),
                              or auto: `,` if the first non-blank line has one, else `;` if it has
                              one, else whitespace

   Level: beginner

   Notes:
   Every rank reads one contiguous part of the file with MPI-IO and parses the lines that start in
   it, so no rank holds more than its share of the text. The rows are then balanced over the ranks
   (and redistributed when split is not 0).

   Numbers are read with strtod(): nan and inf are accepted, hexadecimal (0x10) is not (as in NumPy).
   Blanks around fields, a trailing '\r' (CRLF files), a UTF-8 byte order mark, blank lines and
   comment lines (first non-blank character '#', as NumPy's loadtxt) anywhere are ignored; line numbers in error
   messages count every line of the file. The number of columns is that of the first data row.

   Errors, raised on every rank: a missing file, a file without data rows, a row with another number
   of fields ("data.csv:7: expected 4 fields (as on line 2), found 3"), a field that is not a number
   ("data.csv:9: column 2: 'abc' is not a number"); the first bad line of the file is reported.

.seealso: `HtTensorSaveCSV()`, `HtTensorLoad()`, `HtTensorLoadNPY()`, `HtTensorLoadHDF5()`
@*/
PetscErrorCode HtTensorLoadCSV(MPI_Comm comm, const char path[], PetscInt split, HtTensor *t)
{
  HtCSVHeader header = HT_CSV_HEADER_AUTO;
  HtCSVDelim  delim  = HT_CSV_DELIM_AUTO;
  HtIOError   e      = {0};
  HtTensor    t0     = NULL;
  char       *buf;
  size_t      begin = 0, end = 0;

  PetscFunctionBegin;
  PetscValidCharPointer(path, 2);
  PetscValidPointer(t, 4);
  PetscCheck(split >= -1 && split <= 1, comm, PETSC_ERR_ARG_OUTOFRANGE, "A CSV file gives a 2-d tensor (rows, columns): split must be 0, 1 or -1, not %" PetscInt_FMT, split);
  PetscCall(PetscLogEventBegin(HT_TENSOR_Load, 0, 0, 0, 0));
  PetscCall(HtCSVGetOptions(comm, &header, &delim));
  PetscCall(HtCSVReadText(comm, path, &buf, &begin, &end));
  PetscCall(HtCSVParseText(comm, path, header, delim, buf + begin, end - begin, &t0, &e));
  PetscCall(PetscFree(buf));
  PetscCall(HtIOErrorCheck(comm, &e, NULL, &t0));
  PetscCall(HtTensorBalance(t0));
  if (split == 0) *t = t0;
  else {
    PetscCall(HtTensorResplit(t0, split, t));
    PetscCall(HtTensorDestroy(&t0));
  }
  PetscCall(PetscLogEventEnd(HT_TENSOR_Load, 0, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}

/* element i as text: "%.17g" for scalars (strtod() gives the same double back), integers, 0/1 for booleans */
static inline size_t HtCSVFormatValue(HtDType dtype, const void *a, PetscInt i, char *out)
{
  int n;

  if (dtype == HT_SCALAR) n = snprintf(out, HT_CSV_MAX_FIELD, "%.17g", (double)PetscRealPart(((const PetscScalar *)a)[i]));
  else if (dtype == HT_INT) n = snprintf(out, HT_CSV_MAX_FIELD, "%" PetscInt_FMT, ((const PetscInt *)a)[i]);
  else n = snprintf(out, HT_CSV_MAX_FIELD, "%d", ((const PetscBool *)a)[i] ? 1 : 0);
  return (size_t)n;
}

/* this rank's rows of t (split 0) as text */
static PetscErrorCode HtCSVFormatRows(HtTensor t, char **text, size_t *len)
{
  PetscInt    ncols = t->ndim == 2 ? t->shape[1] : 1, nrows = t->lshape[0];
  const void *a;
  size_t      n = 0;

  PetscFunctionBegin;
  PetscCall(PetscMalloc1((size_t)t->nlocal * HT_CSV_MAX_FIELD + (size_t)nrows + 1, text));
  PetscCall(HtTensorGetArrayRead(t, &a));
  for (PetscInt r = 0; r < nrows; r++) {
    for (PetscInt c = 0; c < ncols; c++) {
      n += HtCSVFormatValue(t->dtype, a, r * ncols + c, *text + n);
      if (c < ncols - 1) (*text)[n++] = ',';
    }
    (*text)[n++] = '\n';
  }
  PetscCall(HtTensorRestoreArrayRead(t, &a));
  *len = n;
  PetscFunctionReturn(PETSC_SUCCESS);
}

/*@C
   HtTensorSaveCSV - Saves a 1-d or 2-d tensor as comma-separated text in parallel.

   Collective

   Input Parameters:
+  t - the tensor: a matrix (one line per row) or a vector (one value per line), any split
-  path - the file name; an existing file is replaced

   Level: beginner

   Notes:
   `HT_SCALAR` values are written with "%.17g", so `HtTensorLoadCSV()` gives back the same doubles;
   `HT_INT` values as integers, `HT_BOOL` values as 0 and 1. No header line is written.

   Every rank formats its rows and writes them at its offset with one collective MPI-IO write
   (a tensor not split along axis 0 is redistributed first). The text goes to a temporary file next
   to `path`, which replaces `path` only when every rank has succeeded: a failed save leaves an
   existing file unchanged.

.seealso: `HtTensorLoadCSV()`, `HtTensorSave()`, `HtTensorSaveNPY()`, `HtTensorSaveHDF5()`
@*/
PetscErrorCode HtTensorSaveCSV(HtTensor t, const char path[])
{
  MPI_Comm     comm;
  MPI_File     fh;
  MPI_Datatype type;
  MPI_Status   status;
  HtIOError    e = {0};
  HtTensor     rows;
  char         tmp[PETSC_MAX_PATH_LEN], *text;
  size_t       len = 0;
  PetscInt64   len64, offset = 0, total = 0;
  PetscMPIInt  rank;

  PetscFunctionBegin;
  PetscValidHeaderSpecific(t, HT_TENSOR_CLASSID, 1);
  PetscValidCharPointer(path, 2);
  comm = PetscObjectComm((PetscObject)t);
  PetscCheck(t->ndim == 1 || t->ndim == 2, comm, PETSC_ERR_ARG_WRONG, "A CSV file holds a 1-d or 2-d tensor, this one has %" PetscInt_FMT " axes; save it as .npy or .h5", t->ndim);
  PetscCallMPI(MPI_Comm_rank(comm, &rank));
  PetscCall(PetscLogEventBegin(HT_TENSOR_Save, t, 0, 0, 0));
  PetscCall(HtFileOpenWrite(comm, path, tmp, sizeof(tmp), &fh, &e));
  if (t->split == 0) {
    PetscCall(PetscObjectReference((PetscObject)t));
    rows = t;
  } else PetscCall(HtTensorResplit(t, 0, &rows));
  PetscCall(HtCSVFormatRows(rows, &text, &len));
  PetscCall(HtTensorDestroy(&rows));
  len64 = (PetscInt64)len;
  PetscCallMPI(MPI_Exscan(&len64, &offset, 1, MPIU_INT64, MPI_SUM, comm));
  if (!rank) offset = 0;
  PetscCall(MPIU_Allreduce(&len64, &total, 1, MPIU_INT64, MPI_SUM, comm));
  PetscCall(HtMPITypeCreateBlock((MPI_Offset)len, MPI_BYTE, &type));
  PetscCall(HtIOErrorSetTransfer(&e, PETSC_TRUE, MPI_File_write_at_all(fh, (MPI_Offset)offset, text, 1, type, &status), &status, MPI_BYTE, (MPI_Offset)len, path));
  PetscCallMPI(MPI_Type_free(&type));
  PetscCall(PetscFree(text));
  PetscCall(HtFileWriteEnd(comm, &fh, &e, (MPI_Offset)total, tmp, path));
  PetscCall(PetscLogEventEnd(HT_TENSOR_Save, t, 0, 0, 0));
  PetscFunctionReturn(PETSC_SUCCESS);
}
