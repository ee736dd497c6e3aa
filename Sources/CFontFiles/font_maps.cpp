// Character maps poppler could not find.
//
// A PDF may show Chinese text in a font it does not embed, naming only the font's character
// collection (Adobe-GB1 and its kin) and a predefined encoding (UniGB-UCS2-H). poppler reads such
// text through the character maps of the poppler-data package; where they are not installed it
// drops every string in the font and says so only through its error callback ("Missing language
// pack for 'Adobe-GB1' mapping"), which poppler-glib passes to g_log at INFO level in the "Poppler"
// domain, where nobody sees it. The page then reads as if it had no text.
//
// This file listens to that domain and notes, per thread, which known collections were missing, so
// that the page being read on the thread can say why its text is gone. Other messages go on to
// GLib's default handler, as before.
#include <glib.h>

#include <cstring>
#include <mutex>

#include "font_files.h"

namespace {

// poppler's list of collections with a language pack (GfxCIDFont's knownCollections), in the order
// of the bits returned by reform_font_maps_take_missing.
const char *const knownCollections[] = {"Adobe-CNS1", "Adobe-GB1", "Adobe-Japan1", "Adobe-Japan2", "Adobe-Korea1"};
constexpr int knownCount = sizeof(knownCollections) / sizeof(knownCollections[0]);

thread_local unsigned missingOnThread = 0;

constexpr const char *marker = "Missing language pack for '";

void onPopplerMessage(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer) {
    const char *found = message ? std::strstr(message, marker) : nullptr;
    if (!found) {
        g_log_default_handler(domain, level, message, nullptr);
        return;
    }
    const char *name = found + std::strlen(marker);
    for (int i = 0; i < knownCount; i++) {
        size_t n = std::strlen(knownCollections[i]);
        if (std::strncmp(name, knownCollections[i], n) == 0 && name[n] == '\'') {
            missingOnThread |= 1u << i;
            return;
        }
    }
}

}  // namespace

extern "C" void reform_font_maps_watch(void) {
    static std::once_flag once;
    std::call_once(once, [] {
        g_log_set_handler("Poppler", GLogLevelFlags(G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG), onPopplerMessage, nullptr);
    });
}

extern "C" unsigned reform_font_maps_take_missing(void) {
    unsigned missing = missingOnThread;
    missingOnThread = 0;
    return missing;
}

extern "C" void reform_font_maps_note_missing(unsigned collections) {
    missingOnThread |= collections;
}

extern "C" const char *reform_font_maps_collection(int bit) {
    return bit >= 0 && bit < knownCount ? knownCollections[bit] : nullptr;
}
