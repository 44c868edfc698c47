/* SPDX-License-Identifier: MIT */
/* ost, the occupational standards toolkit: the whole public API. */
#ifndef OST_H
#define OST_H

#include <ost/common.h>
#include <ost/model.h>
#include <ost/blocks.h>
#include <ost/repair.h>
#include <ost/plugin.h>
#include <ost/registry.h>
#include <ost/pipeline.h>
#include <ost/tables.h>
#include <ost/model_json.h>
#include <ost/diff.h>

#endif
