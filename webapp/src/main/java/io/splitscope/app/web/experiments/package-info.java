/** The list of experiments, the web app's start page. */
package io.splitscope.app.web.experiments;
