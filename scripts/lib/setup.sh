# Shared set-up for scripts/demo, scripts/test and scripts/bench: sourced, not run.
# Installs the Debian packages reform needs, only those that are missing, and finds swift.

REFORM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Packages the build and the tests need (headers for the system-library targets, tesseract and its Chinese and English models, pdftotext for tests, fonts for rendering,
# libpoppler-private-dev: poppler's own headers, for the fonts a document's pages share and the global parameters kept for the process (Sources/CFontFiles/font_dicts.cpp, global_params.cpp);
# zlib1g-dev: zlib's header, for the flate streams inflated by zlib (Sources/CFontFiles/flate_streams.cpp);
# and poppler-data: the character maps without which poppler drops all text in a CJK font the PDF does not embed; apt only recommends it, and we install without recommends).
REFORM_APT_PACKAGES=(pkg-config libpoppler-glib-dev libpoppler-private-dev zlib1g-dev libcairo2-dev libtesseract-dev tesseract-ocr-chi-sim tesseract-ocr-eng libsqlite3-dev sqlite3 poppler-utils poppler-data fonts-noto-cjk fonts-wqy-microhei)

reform_ensure_apt() {
    local missing=()
    for p in "$@"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "setup: installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

reform_ensure_swift() {
    if ! command -v swift >/dev/null 2>&1; then
        for d in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
            [ -x "$d/swift" ] && export PATH="$d:$PATH" && break
        done
    fi
    command -v swift >/dev/null 2>&1 || { echo "setup: swift not found; install Swift 6 first" >&2; exit 1; }
}

reform_setup() {
    reform_ensure_apt "${REFORM_APT_PACKAGES[@]}"
    reform_ensure_swift
}

# Builds the release `reform` the way every script measures and runs it (scripts/lib/release-args);
# extra arguments (--scratch-path DIR) go to swift build.
reform_build_release() {
    local flags
    mapfile -t flags < <("$REFORM_ROOT/scripts/lib/release-args")
    swift build "${flags[@]}" --product reform "$@"
}
