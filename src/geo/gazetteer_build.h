// `sitrep build gazetteer` with a report: BuildGazetteer (gazetteer.h) plus
// one line of counts per source, for the CLI to print.
#ifndef SITREP_GEO_GAZETTEER_BUILD_H_
#define SITREP_GEO_GAZETTEER_BUILD_H_

#include <string>

#include "core/status.h"
#include "geo/gazetteer.h"

namespace sitrep::geo {

// As BuildGazetteer; appends human-readable counts to *report when non-null.
Status BuildGazetteer(const GazetteerBuildOptions& options, std::string* report);

}  // namespace sitrep::geo

#endif  // SITREP_GEO_GAZETTEER_BUILD_H_
