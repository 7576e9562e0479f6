/** Planning an experiment: the power, sample-size and minimum-detectable-effect calculator. */
package io.splitscope.app.web.power;
