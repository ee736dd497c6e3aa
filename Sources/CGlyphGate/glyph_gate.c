// The glyph gate: this file defines cairo_show_glyphs, cairo_show_text_glyphs and cairo_glyph_path
// itself. The executable is linked against libpoppler-glib, which calls them, so the linker exports
// these definitions and the dynamic linker binds poppler's calls to them ahead of libcairo's
// (ordinary ELF interposition). Each forwards to libcairo's function unless the calling thread
// turned drawing off.
// cairo.h is not included: its prototype uses cairo's own types, the ABI is the same pointers.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include "glyph_gate.h"

static _Thread_local int skipping = 0;

int reform_glyph_gate_set_drawing(int drawing) {
    int was = !skipping;
    skipping = !drawing;
    return was;
}

int reform_glyph_gate_is_drawing(void) {
    return !skipping;
}

// libcairo's own function `name`, looked up once (two threads may both look it up; they store the
// same address). It cannot be missing while libcairo is loaded (poppler calls it): never drop text
// silently.
static void *cairo_own(void **slot, const char *name) {
    void *next = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (next == NULL) {
        next = dlsym(RTLD_NEXT, name);
        if (next == NULL) {
            fprintf(stderr, "reform: %s not found in libcairo: %s\n", name, dlerror());
            abort();
        }
        __atomic_store_n(slot, next, __ATOMIC_RELEASE);
    }
    return next;
}

// Filled text (render modes 0, 2, 4, 6).
void cairo_show_glyphs(void *cr, const void *glyphs, int num_glyphs);
static void *show_glyphs_own = NULL;

void cairo_show_glyphs(void *cr, const void *glyphs, int num_glyphs) {
    if (skipping) return;
    typedef void (*fn)(void *, const void *, int);
    ((fn)cairo_own(&show_glyphs_own, "cairo_show_glyphs"))(cr, glyphs, num_glyphs);
}

// Filled text with its characters attached, which poppler uses on surfaces that keep text (PDF).
void cairo_show_text_glyphs(void *cr, const char *utf8, int utf8_len, const void *glyphs, int num_glyphs,
                            const void *clusters, int num_clusters, int cluster_flags);
static void *show_text_glyphs_own = NULL;

void cairo_show_text_glyphs(void *cr, const char *utf8, int utf8_len, const void *glyphs, int num_glyphs,
                            const void *clusters, int num_clusters, int cluster_flags) {
    if (skipping) return;
    typedef void (*fn)(void *, const char *, int, const void *, int, const void *, int, int);
    ((fn)cairo_own(&show_text_glyphs_own, "cairo_show_text_glyphs"))(cr, utf8, utf8_len, glyphs, num_glyphs,
                                                                      clusters, num_clusters, cluster_flags);
}

// Outlined and clipping text (render modes 1, 2, 5, 6, 4–7): poppler adds the glyph outlines to the
// path, then strokes it or keeps it as the text clip. Without them the stroke has nothing to draw
// (fake bold, `2 Tr`, is text filled and stroked: FreeType outlining and cairo stroking every
// glyph) and the clip is empty, which only hides what would have shown through the letters.
void cairo_glyph_path(void *cr, const void *glyphs, int num_glyphs);
static void *glyph_path_own = NULL;

void cairo_glyph_path(void *cr, const void *glyphs, int num_glyphs) {
    if (skipping) return;
    typedef void (*fn)(void *, const void *, int);
    ((fn)cairo_own(&glyph_path_own, "cairo_glyph_path"))(cr, glyphs, num_glyphs);
}

int reform_glyph_gate_is_active(void) {
    return dlsym(RTLD_DEFAULT, "cairo_show_glyphs") == (void *)cairo_show_glyphs
        && dlsym(RTLD_DEFAULT, "cairo_show_text_glyphs") == (void *)cairo_show_text_glyphs
        && dlsym(RTLD_DEFAULT, "cairo_glyph_path") == (void *)cairo_glyph_path;
}
