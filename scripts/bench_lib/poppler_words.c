/* scripts/bench's reference for what any poppler-glib reader pays per file, built by the bench
 * (never part of reform): `poppler_words PDF` opens the document and takes every page's text and the
 * box of every character (what a table extractor needs at the least, with no rendering, no table
 * lines, no tables and no output beyond one line); `poppler_words --start-only PDF` returns at once,
 * so its time is the start of a process linked against libpoppler-glib alone. */
#include <poppler.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "--start-only") == 0) return 0;
    if (argc != 2) {
        fprintf(stderr, "usage: poppler_words [--start-only] PDF\n");
        return 64;
    }
    gchar *absolute = g_canonicalize_filename(argv[1], NULL);
    gchar *uri = g_filename_to_uri(absolute, NULL, NULL);
    g_free(absolute);
    GError *error = NULL;
    PopplerDocument *doc = uri ? poppler_document_new_from_file(uri, NULL, &error) : NULL;
    g_free(uri);
    if (!doc) {
        fprintf(stderr, "%s: %s\n", argv[1], error ? error->message : "not a file name");
        if (error) g_error_free(error);
        return 1;
    }
    int pages = poppler_document_get_n_pages(doc);
    unsigned long characters = 0;
    for (int i = 0; i < pages; i++) {
        PopplerPage *page = poppler_document_get_page(doc, i);
        /* the text and the boxes come from one text pass: poppler-glib keeps the page's text */
        char *text = poppler_page_get_text(page);
        PopplerRectangle *boxes = NULL;
        guint count = 0;
        if (poppler_page_get_text_layout(page, &boxes, &count)) characters += count;
        g_free(boxes);
        g_free(text);
        g_object_unref(page);
    }
    g_object_unref(doc);
    printf("%d pages, %lu characters\n", pages, characters);
    return 0;
}
