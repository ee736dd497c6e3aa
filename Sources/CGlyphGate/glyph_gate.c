// The glyph gate: this file defines cairo_show_glyphs itself. The executable is linked against
// libpoppler-glib, which calls cairo_show_glyphs, so the linker exports this definition and the
// dynamic linker binds poppler's calls to it ahead of libcairo's (ordinary ELF interposition).
// It forwards to libcairo's function unless the calling thread turned drawing off.
// cairo.h is not included: its prototype uses cairo's own types, the ABI is the same pointers.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include "glyph_gate.h"

typedef void (*show_glyphs_fn)(void *cr, const void *glyphs, int num_glyphs);

static _Thread_local int skipping = 0;
static show_glyphs_fn cairo_own = NULL;

int reform_glyph_gate_set_drawing(int drawing) {
    int was = !skipping;
    skipping = !drawing;
    return was;
}

void cairo_show_glyphs(void *cr, const void *glyphs, int num_glyphs);

void cairo_show_glyphs(void *cr, const void *glyphs, int num_glyphs) {
    if (skipping) return;
    show_glyphs_fn next = __atomic_load_n(&cairo_own, __ATOMIC_ACQUIRE);
    if (next == NULL) {
        // Two threads may both look it up; they store the same address.
        next = (show_glyphs_fn)dlsym(RTLD_NEXT, "cairo_show_glyphs");
        if (next == NULL) {
            // Cannot happen while libcairo is loaded (poppler calls it); never drop text silently.
            fprintf(stderr, "reform: cairo_show_glyphs not found in libcairo: %s\n", dlerror());
            abort();
        }
        __atomic_store_n(&cairo_own, next, __ATOMIC_RELEASE);
    }
    next(cr, glyphs, num_glyphs);
}

int reform_glyph_gate_is_active(void) {
    return dlsym(RTLD_DEFAULT, "cairo_show_glyphs") == (void *)cairo_show_glyphs;
}
