/*
   Heat for PETSc: umbrella header. Include this one header to use the library.
*/
#pragma once

#include <heatsys.h>
#include <heattensor.h>
#include <heatcluster.h>
#include <heatpca.h>
#include <heatscaler.h>
#include <heatregressor.h>
#include <heatclassifier.h>
#include <heatdmd.h>
#include <heatts.h>
