#ifndef REFORM_TESSERACT_TEMPLATES_H
#define REFORM_TESSERACT_TEMPLATES_H

#ifdef __cplusplus
extern "C" {
#endif

/// How many of tesseract's adaptive-classifier templates the process built empty
/// (adapt_templates.cpp): one or two an engine when the executable's constructor is in use.
long reform_tesseract_templates_emptied(void);

/// How many times an engine starting in this process left tesseract's universal ambiguities
/// unloaded (universal_ambigs.cpp): once an engine and language when the executable's loader is in use.
long reform_tesseract_universal_ambigs_skipped(void);

#ifdef __cplusplus
}
#endif

#endif
