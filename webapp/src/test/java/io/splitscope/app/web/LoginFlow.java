package io.splitscope.app.web;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in through the log-in page ({@code /login}, {@code io.splitscope.app.web.login.LoginView})
 * in a browser test: the form's user name and password fields, then its submit button. With
 * {@link SplitscopeWebApplication#run(String, int)} the users are {@code viewer}/{@code viewer} and
 * {@code analyst}/{@code analyst}.
 */
public final class LoginFlow {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private LoginFlow() {
    }

    /** Opens the log-in page, signs in and waits until the browser has left it. */
    public static void signIn(WebDriver driver, String baseUrl, String user, String password) {
        driver.get(baseUrl + "login");
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        WebElement name = wait.until(d -> input(d, "username"));
        name.sendKeys(user);
        input(driver, "password").sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit'], vaadin-login-form vaadin-button")).click();
        wait.withMessage(() -> "still on the log-in page as " + user + ": " + driver.findElement(By.tagName("body")).getText())
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Signs out (Spring Security's log-out, as the views' sign-out does) and waits for the log-in page. */
    public static void signOut(WebDriver driver, String baseUrl) {
        ((JavascriptExecutor) driver).executeScript("""
                const token = document.querySelector('meta[name="_csrf"]').content;
                const form = document.createElement('form');
                form.method = 'POST';
                form.action = arguments[0] + 'logout';
                const field = document.createElement('input');
                field.type = 'hidden'; field.name = '_csrf'; field.value = token;
                form.appendChild(field);
                document.body.appendChild(form);
                form.submit();
                """, baseUrl);
        new WebDriverWait(driver, PATIENCE).until(d -> d.getCurrentUrl().contains("/login"));
    }

    private static WebElement input(WebDriver driver, String name) {
        return driver.findElements(By.cssSelector("vaadin-login-form input[name='" + name + "']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null);
    }
}
