/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How windows are drawn. GTK 4.8 draws with OpenGL whenever it gets a
 * context, even when the only OpenGL is Mesa's software rasteriser, as on a
 * virtual machine, a remote desktop or a machine without a GPU driver.
 * There the OpenGL renderer is the slower choice for a window of text and
 * costs about 75 MB more memory (the rasteriser's compiled shaders, glyph
 * atlases and frame buffers all live in the process), so Wenji asks for
 * cairo instead. A GSK_RENDERER the user set is always obeyed.
 */
#include "config.h"

#include <epoxy/gl.h>

#include "wenji-renderer.h"

/**
 * wenji_renderer_is_software:
 * @gl_renderer: (nullable): the GL_RENDERER string of a context
 *
 * Returns: whether it names one of Mesa's software rasterisers
 */
gboolean
wenji_renderer_is_software (const char *gl_renderer)
{
  static const char *software[] = { "llvmpipe", "softpipe", "swrast", "Software Rasterizer" };

  if (gl_renderer == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (software); i++) {
    if (strstr (gl_renderer, software[i]) != NULL)
      return TRUE;
  }

  return FALSE;
}

/**
 * wenji_renderer_choose:
 * @display: the display the windows will open on
 *
 * Asks GTK for the cairo renderer when OpenGL on @display is a software
 * rasteriser and the user has not chosen a renderer. It must run before the
 * first window is realized: GTK reads GSK_RENDERER once, for that window.
 *
 * Returns: whether it chose cairo
 */
gboolean
wenji_renderer_choose (GdkDisplay *display)
{
  g_autoptr (GdkGLContext) context = NULL;
  g_autoptr (GError) error = NULL;
  const char *name;
  gboolean software;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), FALSE);

  if (g_getenv ("GSK_RENDERER") != NULL)
    return FALSE;

  /* Without OpenGL, GTK falls back to cairo by itself. */
  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error)) {
    g_debug ("No OpenGL context to check: %s", error->message);
    return FALSE;
  }

  gdk_gl_context_make_current (context);
  name = (const char *) glGetString (GL_RENDERER);
  software = wenji_renderer_is_software (name);
  g_debug ("OpenGL renderer: %s", name != NULL ? name : "(none)");
  gdk_gl_context_clear_current ();

  if (software)
    g_setenv ("GSK_RENDERER", "cairo", TRUE);

  return software;
}
