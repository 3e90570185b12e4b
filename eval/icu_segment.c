/* The baseline program of make bench-segment's whole-process runs: ICU's plain sentence
 * iterator over a file, writing one segment a line (text) or one JSON object a line
 * (jsonl) as `selaras segment` does, so that both processes do the same work around the
 * segmentation: one read of the file into one buffer, output through a large buffer,
 * JSON escaped in runs. Usage: icu_segment LANG text|jsonl FILE (output on stdout). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#define OUT_SIZE ((size_t)1 << 20)

static char out[OUT_SIZE];
static size_t used;

static void die(const char *what)
{
    fprintf(stderr, "icu_segment: %s\n", what);
    exit(2);
}

static void flush(void)
{
    for (size_t done = 0; done < used;) {
        ssize_t n = write(1, out + done, used - done);
        if (n <= 0)
            die("write error");
        done += (size_t)n;
    }
    used = 0;
}

static void put(const char *s, size_t n)
{
    while (n > 0) {
        if (used == OUT_SIZE)
            flush();
        size_t k = OUT_SIZE - used < n ? OUT_SIZE - used : n;
        memcpy(out + used, s, k);
        used += k;
        s += k;
        n -= k;
    }
}

static void put_number(size_t v)
{
    char d[24];
    size_t k = sizeof d;
    do {
        d[--k] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    put(d + k, sizeof d - k);
}

/* The text with line breaks as spaces (text output: one segment a line). */
static void put_line(const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n' || s[i] == '\r') {
            put(s + run, i - run);
            put(" ", 1);
            run = i + 1;
        }
    }
    put(s + run, n - run);
}

static void put_json(const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(s + run, i - run);
        char esc[6] = {'\\', (char)c, 0, 0, 0, 0};
        size_t k = 2;
        if (c == '\n')
            esc[1] = 'n';
        else if (c == '\t')
            esc[1] = 't';
        else if (c == '\r')
            esc[1] = 'r';
        else if (c < 0x20) {
            memcpy(esc, "\\u00", 4);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            k = 6;
        }
        put(esc, k);
        run = i + 1;
    }
    put(s + run, n - run);
}

static int is_ws(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

int main(int argc, char **argv)
{
    if (argc != 4 || (strcmp(argv[2], "text") != 0 && strcmp(argv[2], "jsonl") != 0))
        die("usage: icu_segment LANG text|jsonl FILE");
    int jsonl = strcmp(argv[2], "jsonl") == 0;
    int fd = open(argv[3], O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0)
        die("cannot open the input");
    size_t len = (size_t)st.st_size, got = 0;
    char *text = malloc(len + 1);
    if (text == NULL)
        die("out of memory");
    while (got < len) {
        ssize_t n = read(fd, text + got, len - got);
        if (n <= 0)
            die("read error");
        got += (size_t)n;
    }
    close(fd);
    UErrorCode uc = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, argv[1], NULL, 0, &uc);
    UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &uc);
    ubrk_setUText(bi, ut, &uc);
    if (U_FAILURE(uc))
        die("ICU could not take the text");
    size_t prev = 0;
    for (int32_t b = ubrk_next(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
        size_t a = prev, e = (size_t)b;
        prev = e;
        while (a < e && is_ws((unsigned char)text[a]))
            a++;
        while (e > a && is_ws((unsigned char)text[e - 1]))
            e--;
        if (a == e)
            continue;
        if (jsonl) {
            put("{\"start\": ", 10);
            put_number(a);
            put(", \"end\": ", 9);
            put_number(e);
            put(", \"kind\": \"sentence\", \"text\": \"", 31);
            put_json(text + a, e - a);
            put("\"}\n", 3);
        } else {
            put_line(text + a, e - a);
            put("\n", 1);
        }
    }
    flush();
    utext_close(ut);
    ubrk_close(bi);
    free(text);
    return 0;
}
