/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A fresh library in a scratch folder per test; the test must leave no
 * other reference to it, as teardown checks that it is finalized. */
#pragma once

#include "wenji-core.h"
#include "test-scratch.h"

typedef struct {
  Scratch       scratch;
  WenjiLibrary *library;
} Fixture;

static inline void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  scratch_setup (&fixture->scratch, data);
  path = scratch_path (&fixture->scratch, "library.db");
  fixture->library = wenji_library_open (path, &error);
  g_assert_no_error (error);
}

static inline void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->library);
  scratch_teardown (&fixture->scratch, data);
}

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
