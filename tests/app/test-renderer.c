/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Windows draw with cairo where OpenGL is only a software rasteriser, and
 * with whatever the user asked for through GSK_RENDERER. GTK reads that
 * variable once per process, so each case runs in a subprocess. */
#include "config.h"

#include "app-test-harness.h"
#include "wenji-renderer.h"

static void
test_software_names (void)
{
  g_assert_true (wenji_renderer_is_software ("llvmpipe (LLVM 15.0.6, 256 bits)"));
  g_assert_true (wenji_renderer_is_software ("softpipe"));
  g_assert_true (wenji_renderer_is_software ("Software Rasterizer"));
  g_assert_false (wenji_renderer_is_software ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  /* Hardware drivers name LLVM too. */
  g_assert_false (wenji_renderer_is_software ("AMD Radeon RX 580 Series (radeonsi, polaris10, "
                                              "LLVM 15.0.6, DRM 3.49)"));
  g_assert_false (wenji_renderer_is_software (NULL));
}

/* The name of the renderer a presented window draws with. */
static const char *
window_renderer (void)
{
  GtkWidget *window = gtk_window_new ();
  const char *name;

  gtk_window_present (GTK_WINDOW (window));
  app_test_wait_for_frame (window);
  name = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));
  gtk_window_destroy (GTK_WINDOW (window));

  return name;
}

static void
software_gl_child (void)
{
  g_unsetenv ("GSK_RENDERER");

  if (!wenji_renderer_choose (gdk_display_get_default ())) {
    g_test_skip ("OpenGL here is not a software rasteriser");
    return;
  }

  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  g_assert_cmpstr (window_renderer (), ==, "GskCairoRenderer");
}

/* Under Xvfb OpenGL is Mesa's llvmpipe: the window must draw with cairo. */
static void
test_software_gl_draws_with_cairo (void)
{
  if (!g_test_subprocess ()) {
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
    g_test_trap_assert_passed ();
    return;
  }

  software_gl_child ();
}

/* GSK_RENDERER=gl is the user's word, even on llvmpipe. */
static void
test_user_choice_kept (void)
{
  if (!g_test_subprocess ()) {
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
    g_test_trap_assert_passed ();
    return;
  }

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_assert_false (wenji_renderer_choose (gdk_display_get_default ()));
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
  g_assert_cmpstr (window_renderer (), !=, "GskCairoRenderer");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/renderer/software-names", test_software_names);

  /* The display opens only now: the cases above need none. */
  if (!app_test_init_gtk ()) {
    g_test_skip ("No display");
    return g_test_run ();
  }

  g_test_add_func ("/renderer/software-gl-draws-with-cairo", test_software_gl_draws_with_cairo);
  g_test_add_func ("/renderer/user-choice-kept", test_user_choice_kept);

  return g_test_run ();
}
