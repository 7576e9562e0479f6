/** What every view shares: number and date formatting, the not-found and error pages. */
package io.splitscope.app.web.common;
