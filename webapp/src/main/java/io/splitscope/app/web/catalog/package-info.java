/** The metrics catalog: every metric's definition, description and SQL per dialect. */
package io.splitscope.app.web.catalog;
