// <splitscope-plot>: a light-DOM custom element that draws one Plotly.js figure.
//
// Java (io.splitscope.app.web.chart.PlotlyChart) sets the property `figure` to the figure's JSON
// text: {"data": [...], "layout": {...}, "config": {...}}. The element draws it with Plotly.react
// into a child <div>, redraws when the figure changes, resizes with its box and waits while it is
// hidden (zero width, e.g. in a closed tab). A click on a point is re-dispatched as the DOM event
// `plot-click` whose detail is the point's `customdata` (a string), so Java can react to it.
// After each drawing the attribute `data-rendered` counts the drawings (tests wait for it).
import Plotly from 'plotly.js-basic-dist-min';

const CONFIG = {
  displaylogo: false,
  responsive: true,
  modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d', 'toggleSpikelines'],
};

class SplitscopePlot extends HTMLElement {
  constructor() {
    super();
    this._figureText = null;
    this._drawnText = null;
    this._drawings = 0;
  }

  set figure(text) {
    this._figureText = text || null;
    this._draw();
  }

  get figure() {
    return this._figureText;
  }

  connectedCallback() {
    // A property set before the element was upgraded shadows the setter: move it through.
    if (Object.prototype.hasOwnProperty.call(this, 'figure')) {
      const value = this.figure;
      delete this.figure;
      this.figure = value;
    }
    if (!this._area) {
      this._area = document.createElement('div');
      this._area.className = 'ss-plot-area';
      this.appendChild(this._area);
    }
    if (!this._observer) {
      this._observer = new ResizeObserver(() => {
        if (this._area.offsetWidth === 0) {
          return;
        }
        if (this._drawnText !== null && this._drawnText === this._figureText) {
          Plotly.Plots.resize(this._area);
        } else {
          this._draw();
        }
      });
    }
    this._observer.observe(this);
    this._draw();
  }

  disconnectedCallback() {
    if (this._observer) {
      this._observer.disconnect();
    }
  }

  _draw() {
    if (!this.isConnected || !this._area || this._figureText === null || this._area.offsetWidth === 0) {
      return;
    }
    const text = this._figureText;
    let figure;
    try {
      figure = JSON.parse(text);
    } catch (e) {
      console.error('splitscope-plot: the figure is not JSON', e);
      return;
    }
    const config = Object.assign({}, CONFIG, figure.config || {});
    Plotly.react(this._area, figure.data || [], figure.layout || {}, config).then(() => {
      this._drawnText = text;
      this._drawings += 1;
      this.setAttribute('data-rendered', String(this._drawings));
      if (!this._clickBound) {
        this._clickBound = true;
        this._area.on('plotly_click', (event) => {
          const point = event && event.points && event.points[0];
          if (point && point.customdata !== undefined && point.customdata !== null) {
            this.dispatchEvent(new CustomEvent('plot-click', {detail: String(point.customdata)}));
          }
        });
      }
    });
  }
}

if (!customElements.get('splitscope-plot')) {
  customElements.define('splitscope-plot', SplitscopePlot);
}
